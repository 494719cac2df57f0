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

package io.github.agentprotocols.commons.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RedisClusterRetry}: the transient answers of a Redis Cluster are retried, as
 * Spring Data Redis wraps them, and nothing else is.
 */
class RedisClusterRetryTests {

	@Test
	void clusterDownAndTryAgainAreRetriedUntilTheCommandSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> command = Mono.defer(() -> switch (attempts.incrementAndGet()) {
			case 1 -> Mono.error(answer("CLUSTERDOWN The cluster is down"));
			case 2 -> Mono.error(answer("TRYAGAIN Multiple keys request during rehashing of slot"));
			default -> Mono.just("OK");
		});

		assertThat(command.retryWhen(RedisClusterRetry.transientAnswers()).block(Duration.ofSeconds(5)))
			.isEqualTo("OK");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aSlotLettuceCannotPlaceWhileAMasterFailsOverIsRetried() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> command = Mono
			.defer(() -> (attempts.incrementAndGet() == 1)
					? Mono.error(new RedisSystemException("Unknown redis exception",
							new IllegalStateException("Cannot determine a partition for slot 4178.")))
					: Mono.just("OK"));

		assertThat(command.retryWhen(RedisClusterRetry.transientAnswers()).block(Duration.ofSeconds(5)))
			.isEqualTo("OK");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void otherErrorsAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> command = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(answer("WRONGTYPE Operation against a key holding the wrong kind of value"));
		});

		assertThatExceptionOfType(RedisSystemException.class)
			.isThrownBy(() -> command.retryWhen(RedisClusterRetry.transientAnswers()).block(Duration.ofSeconds(5)));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aClusterThatStaysDownFailsWithItsAnswerOnceTheWindowHasPassed() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> command = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(answer("CLUSTERDOWN The cluster is down"));
		});

		StepVerifier.withVirtualTime(() -> command.retryWhen(RedisClusterRetry.transientAnswers()))
			.expectSubscription()
			.expectNoEvent(RedisClusterRetry.WINDOW)
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RedisSystemException.class)
				.hasRootCauseExactlyInstanceOf(IllegalStateException.class)
				.hasRootCauseMessage("CLUSTERDOWN The cluster is down"))
			.verify(Duration.ofSeconds(5));
		// at 0, 0.1, 0.3, 0.7 and 1.5 s, then every second until 10.5 s
		assertThat(attempts).hasValue(14);
	}

	@Test
	void aNodeDownForItsLongestRejoinDelayIsOutlasted() {
		AtomicInteger attempts = new AtomicInteger();
		long[] downUntil = { -1 };
		Mono<String> command = Mono.defer(() -> {
			attempts.incrementAndGet();
			long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
			if (downUntil[0] < 0) {
				// Redis keeps a master that saw the cluster fail down for at most 5 s
				downUntil[0] = now + 5_000 + 2_000;
			}
			return (now < downUntil[0]) ? Mono.error(answer("CLUSTERDOWN The cluster is down")) : Mono.just("OK");
		});

		StepVerifier.withVirtualTime(() -> command.retryWhen(RedisClusterRetry.transientAnswers()))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(8))
			.expectNext("OK")
			.verifyComplete();
		assertThat(attempts).hasValueGreaterThan(5);
	}

	@Test
	void aResetConnectionOrReadOnlyAnswerIsAMasterSwitchAndNotRetried() {
		RedisSystemException reset = new RedisSystemException("Connection reset by peer",
				new IOException("recvAddress(..) failed with error(-104): Connection reset by peer"));
		RedisSystemException readOnly = answer("READONLY You can't write against a read only replica.");

		assertThat(RedisClusterRetry.isMasterSwitch(reset)).isTrue();
		assertThat(RedisClusterRetry.isMasterSwitch(readOnly)).isTrue();
		assertThat(RedisClusterRetry.isMasterSwitch(answer("WRONGTYPE Operation against a key"))).isFalse();
		assertThat(RedisClusterRetry.isTransient(reset)).isFalse();
		assertThat(RedisClusterRetry.isTransient(readOnly)).isFalse();
	}

	private static RedisSystemException answer(String message) {
		return new RedisSystemException("Error in execution", new IllegalStateException(message));
	}

}
