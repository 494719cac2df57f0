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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.hpp.memory.LocalClientThrottle;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisClientThrottle} against the real Redis: one count per client for every
 * instance, the same answers as {@link LocalClientThrottle} on the same attempts, the
 * count in the client's own slot and gone a minute after its last attempt, and a client
 * refused on one instance is refused on the others once the notice arrives, without a
 * round trip per request.
 */
@UsesRedis
@SpecItem("HPP-11.2.5")
class RedisClientThrottleTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	private final RedisTestConnections connections = new RedisTestConnections();

	private final List<RedisClientThrottle> started = new ArrayList<>();

	@AfterEach
	void close() {
		this.started.forEach(RedisClientThrottle::stop);
		this.connections.close();
	}

	@Test
	void answersAsTheLocalThrottleOnTheSameAttempts() {
		RedisClientThrottle redis = throttle("anonymous-sessions", 3);
		LocalClientThrottle local = new LocalClientThrottle(3, 100, this.clock);
		long[] steps = { 0, 1_500, 20_000, 0, 250, 17_001, 21_249, 999, 1, 40_000, 60_000, 1 };
		for (int i = 0; i < steps.length; i++) {
			this.clock.advance(Duration.ofMillis(steps[i]));
			assertThat(redis.tryAcquire("a").block(WAIT)).as("attempt %d", i + 1)
				.isEqualTo(local.tryAcquire("a").block());
		}
		for (int i = 0; i < steps.length; i++) {
			this.clock.advance(Duration.ofMillis(steps[i]));
			redis.record("b").block(WAIT);
			local.record("b").block();
			assertThat(redis.retryAfterSeconds("b").block()).as("failure %d", i + 1)
				.isEqualTo(local.retryAfterSeconds("b").block());
		}
	}

	@Test
	void instancesShareOneCountPerClient() {
		RedisClientThrottle a = throttle("anonymous-sessions", 4);
		RedisClientThrottle b = throttle("anonymous-sessions", 4);
		assertThat(a.tryAcquire("203.0.113.1").block(WAIT)).isZero();
		assertThat(b.tryAcquire("203.0.113.1").block(WAIT)).isZero();
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(a.tryAcquire("203.0.113.1").block(WAIT)).isZero();
		assertThat(b.tryAcquire("203.0.113.1").block(WAIT)).isZero();
		assertThat(a.tryAcquire("203.0.113.1").block(WAIT)).isEqualTo(45);
		assertThat(b.tryAcquire("203.0.113.1").block(WAIT)).isEqualTo(45);
		assertThat(b.tryAcquire("203.0.113.2").block(WAIT)).as("another client").isZero();
	}

	@Test
	void eachClientCountsInItsOwnSlotForAMinute() {
		RedisClientThrottle throttle = throttle("failed-tokens", 5);
		throttle.record("203.0.113.7").block(WAIT);
		String key = this.connections.keys.throttle("failed-tokens", "203.0.113.7");
		assertThat(key).endsWith("throttle:failed-tokens:{203.0.113.7}");
		assertThat(SlotHash.getSlot(key)).isEqualTo(SlotHash.getSlot("203.0.113.7"));
		assertThat(RedisConnections.<Long>sync((redis) -> redis.zcard(key))).isOne();
		assertThat(RedisConnections.<Long>sync((redis) -> redis.pttl(key))).isBetween(1L, 60_000L);
	}

	@Test
	void clientRefusedOnOneInstanceIsRefusedOnTheOthersWithoutARoundTrip() {
		RedisClientThrottle a = throttle("failed-tokens", 2);
		LettuceConnectionFactory factoryOfB = this.connections.factory();
		RedisCommandRecorder commandsOfB = RedisCommandRecorder.attachTo(factoryOfB.getNativeClient());
		RedisClientThrottle b = throttle(factoryOfB, "failed-tokens", 2);
		RedisClientThrottle otherThrottle = throttle("anonymous-sessions", 2);
		awaitSubscribed(b);
		int sent = commandsOfB.sent().size();
		a.record("203.0.113.9").block(WAIT);
		assertThat(b.retryAfterSeconds("203.0.113.9").block()).isZero();
		this.clock.advance(Duration.ofSeconds(20));
		a.record("203.0.113.9").block(WAIT);
		assertThat(a.retryAfterSeconds("203.0.113.9").block()).isEqualTo(40);
		await().atMost(WAIT).until(() -> b.retryAfterSeconds("203.0.113.9").block() == 40);
		assertThat(commandsOfB.sent()).as("asking sends nothing to Redis").hasSize(sent);
		assertThat(otherThrottle.retryAfterSeconds("203.0.113.9").block()).as("another throttle").isZero();
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(b.retryAfterSeconds("203.0.113.9").block()).as("exactly 60 s after the oldest").isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(b.retryAfterSeconds("203.0.113.9").block()).isZero();
		assertThat(a.retryAfterSeconds("203.0.113.9").block()).isZero();
	}

	@Test
	void instanceThatMissedTheNoticeLearnsFromItsNextCount() {
		RedisClientThrottle a = throttle("failed-tokens", 2);
		RedisClientThrottle b = new RedisClientThrottle(this.connections.factory(), Duration.ofSeconds(5),
				this.connections.keys, "failed-tokens", 2, 100, this.clock);
		a.record("203.0.113.10").block(WAIT);
		a.record("203.0.113.10").block(WAIT);
		assertThat(b.retryAfterSeconds("203.0.113.10").block()).as("not subscribed").isZero();
		b.record("203.0.113.10").block(WAIT);
		assertThat(b.retryAfterSeconds("203.0.113.10").block()).isEqualTo(60);
	}

	@Test
	void zeroLimitTurnsTheThrottleOffWithoutRedis() {
		RedisClientThrottle throttle = throttle("failed-tokens", 0);
		throttle.record("a").block(WAIT);
		assertThat(throttle.retryAfterSeconds("a").block()).isZero();
		assertThat(throttle.tryAcquire("a").block()).isZero();
		assertThat(throttle.isRunning()).isFalse();
		assertThat(RedisConnections.keysPerMaster(this.connections.keys.prefix() + "*").values())
			.allMatch((n) -> n == 0);
	}

	private RedisClientThrottle throttle(String name, int limit) {
		return throttle(this.connections.factory(), name, limit);
	}

	private RedisClientThrottle throttle(LettuceConnectionFactory factory, String name, int limit) {
		RedisClientThrottle throttle = new RedisClientThrottle(factory, Duration.ofSeconds(5), this.connections.keys,
				name, limit, 100, this.clock);
		throttle.start();
		this.started.add(throttle);
		return throttle;
	}

	/**
	 * Waits until a throttle hears the channel: notices of a client of its own are
	 * published until it refuses the client.
	 */
	private void awaitSubscribed(ClientThrottle throttle) {
		ReactiveStringRedisTemplate redis = this.connections.template();
		String notice = "failed-tokens " + (this.clock.millis() + 1) + " subscribed";
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			redis.convertAndSend(this.connections.keys.throttled(), notice).block(WAIT);
			return throttle.retryAfterSeconds("subscribed").block() > 0;
		});
	}

}
