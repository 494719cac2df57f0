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

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEvent.Type;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SpecItem("LIME-8.7")
@UsesRedis
class RedisLimeEventLogTests {

	private final LimeRedisConnections redis = new LimeRedisConnections();

	@AfterEach
	void close() {
		this.redis.close();
	}

	@Test
	void lastEventIdRecordedByOneInstanceIsReadByAnother() {
		RedisLimeEventLog a = log();
		assertThat(a.lastEventId().blockOptional()).isEmpty();
		a.advance("41").block();
		a.advance("42").block();
		assertThat(log().lastEventId().block()).isEqualTo("42");
	}

	@Test
	void lastEventIdRecordedByAnEarlierVersionIsReadUntilOneIsRecorded() {
		this.redis.reactive().opsForValue().set(this.redis.keys.formerLastEventId(), "40").block();
		RedisLimeEventLog log = log();
		assertThat(log.lastEventId().block()).isEqualTo("40");
		log.advance("41").block();
		assertThat(log().lastEventId().block()).isEqualTo("41");
	}

	@Test
	void eachRequestsOutcomeIsClaimedOnceAcrossInstances() {
		RedisLimeEventLog a = log();
		RedisLimeEventLog b = log();
		assertThat(a.claim(new LimeEvent(Type.APPROVED, "lr_1", "jwt", "7")).block()).isTrue();
		assertThat(b.claim(new LimeEvent(Type.APPROVED, "lr_1", "jwt", "7")).block()).isFalse();
		assertThat(b.claim(new LimeEvent(Type.EXPIRED, "lr_1", null, null)).block()).isFalse();
		assertThat(b.claim(new LimeEvent(Type.EXPIRED, "lr_2", null, "8")).block()).isTrue();
	}

	@Test
	void claimsAndTheLastEventIdAreKeptForTheRetention() {
		RedisLimeEventLog log = log();
		log.advance("1").block();
		log.claim(new LimeEvent(Type.APPROVED, "lr_1", "jwt", "1")).block();
		for (String key : new String[] { this.redis.keys.lastEventId(), this.redis.keys.handled("lr_1") }) {
			assertThat(this.redis.reactive().getExpire(key).block()).isBetween(Duration.ofMinutes(59),
					Duration.ofHours(1));
		}
	}

	@Test
	void claimedEventStaysInFlightUntilItsHandlersRan() {
		RedisLimeEventLog a = log();
		LimeEvent approved = new LimeEvent(Type.APPROVED, "lr_1", "jwt", "7");
		LimeEvent expired = new LimeEvent(Type.EXPIRED, "lr_2", null, null);
		a.claim(approved).block();
		a.claim(expired).block();
		assertThat(log().inFlight().collectList().block()).as("what the next reader finds")
			.containsExactlyInAnyOrder(approved, expired);
		a.handled(approved).block();
		assertThat(log().inFlight().collectList().block()).containsExactly(expired);
	}

	@Test
	void failedClaimTakesOutOnlyWhatItPutInFlight() {
		RedisLimeEventLog a = log();
		RedisLimeEventLog b = log();
		LimeEvent approved = new LimeEvent(Type.APPROVED, "lr_1", "jwt", "7");
		a.claim(approved).block();
		assertThat(b.claim(new LimeEvent(Type.EXPIRED, "lr_1", null, "9")).block()).isFalse();
		assertThat(b.claim(approved).block()).as("replayed while a previous reader has it in flight").isFalse();
		assertThat(log().inFlight().collectList().block()).containsExactly(approved);
	}

	@Test
	void eventInFlightForLongerThanTheRetentionIsDropped() {
		Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
		new RedisLimeEventLog(this.redis.reactive(), this.redis.keys, Duration.ofHours(1), twoHoursAgo)
			.claim(new LimeEvent(Type.APPROVED, "lr_1", "jwt", "1"))
			.block();
		LimeEvent recent = new LimeEvent(Type.APPROVED, "lr_2", "jwt", "2");
		log().claim(recent).block();
		assertThat(log().inFlight().collectList().block()).containsExactly(recent);
		assertThat(this.redis.reactive().opsForZSet().size(this.redis.keys.inFlight()).block()).isOne();
	}

	private RedisLimeEventLog log() {
		return new RedisLimeEventLog(this.redis.reactive(), this.redis.keys, Duration.ofHours(1), Clock.systemUTC());
	}

}
