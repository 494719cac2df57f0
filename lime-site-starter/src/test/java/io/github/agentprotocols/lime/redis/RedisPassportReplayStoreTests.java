/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.time.Instant;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SpecItem("LIME-8.7")
@UsesRedis
class RedisPassportReplayStoreTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.now());

	private final LimeRedisConnections redis = new LimeRedisConnections();

	@AfterEach
	void close() {
		this.redis.close();
	}

	@Test
	void passportIsMarkedOnceAcrossInstances() {
		RedisPassportReplayStore a = new RedisPassportReplayStore(this.redis.blocking(), this.redis.keys, this.clock);
		RedisPassportReplayStore b = new RedisPassportReplayStore(this.redis.blocking(), this.redis.keys, this.clock);
		Instant until = this.clock.instant().plusSeconds(180);
		assertThat(a.markUsed("lime-site-login:request_id=lr_1", until)).isTrue();
		assertThat(b.markUsed("lime-site-login:request_id=lr_1", until)).isFalse();
		assertThat(a.markUsed("lime-site-login:request_id=lr_1", until)).isFalse();
		assertThat(b.markUsed("lime-site-login:request_id=lr_2", until)).isTrue();
	}

	@Test
	void markExpiresWithThePassport() {
		RedisPassportReplayStore store = new RedisPassportReplayStore(this.redis.blocking(), this.redis.keys,
				this.clock);
		store.markUsed("lime-site-login:request_id=lr_1", this.clock.instant().plusSeconds(180));
		Duration ttl = Duration.ofMillis(this.redis.blocking()
			.getExpire(this.redis.keys.passport("lime-site-login:request_id=lr_1"),
					java.util.concurrent.TimeUnit.MILLISECONDS));
		assertThat(ttl).isBetween(Duration.ofSeconds(170), Duration.ofSeconds(180));
	}

	@Test
	void passportAlreadyPastItsLifetimeIsStillMarkedOnce() {
		RedisPassportReplayStore store = new RedisPassportReplayStore(this.redis.blocking(), this.redis.keys,
				this.clock);
		Instant past = this.clock.instant().minusSeconds(1);
		assertThat(store.markUsed("lime-site-login:request_id=lr_past", past)).isTrue();
	}

}
