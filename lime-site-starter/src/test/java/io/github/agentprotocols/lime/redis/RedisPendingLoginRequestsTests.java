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

import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.PendingLoginRequestsContractTests;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpecItem("LIME-8.7")
@UsesRedis
class RedisPendingLoginRequestsTests extends PendingLoginRequestsContractTests {

	private final LimeRedisConnections redis = new LimeRedisConnections();

	@AfterEach
	void close() {
		this.redis.close();
	}

	@Override
	protected PendingLoginRequests store(Duration retention, int capacity) {
		return new RedisPendingLoginRequests(this.redis.reactive(), this.redis.keys, this.clock, retention, capacity);
	}

	@Test
	void requestAddedOnOneInstanceIsPendingOnAnother() {
		Instant expiresAt = this.clock.instant().plusSeconds(120);
		store(Duration.ofHours(1), 10).add("lr_shared", expiresAt).block();
		assertThat(store(Duration.ofHours(1), 10).pending().collectList().block())
			.containsExactly(new PendingLoginRequest("lr_shared", expiresAt));
	}

	@Test
	void pendingRequestsAreReadInOneReplyNeverAStreamedOne() {
		LettuceConnectionFactory factory = this.redis.factory();
		RedisCommandRecorder commands = RedisCommandRecorder.attachTo(factory.getNativeClient());
		PendingLoginRequests store = new RedisPendingLoginRequests(new ReactiveStringRedisTemplate(factory),
				this.redis.keys, this.clock, Duration.ofHours(1), 2_000);
		Instant expiresAt = this.clock.instant().plusSeconds(120);
		Flux.range(0, 1_000).concatMap((i) -> store.add("lr_" + i, expiresAt.plusMillis(i))).blockLast();
		assertThat(store.pending().collectList().block()).hasSize(1_000)
			.startsWith(new PendingLoginRequest("lr_0", expiresAt))
			.endsWith(new PendingLoginRequest("lr_999", expiresAt.plusMillis(999)));
		assertThat(commands.sent()).contains("EVALSHA");
		assertThat(commands.streamed()).isEmpty();
	}

}
