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

package io.github.agentprotocols.hpp.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.hpp.HandshakeSession;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A session's changes are applied one at a time, and a caller that finds the session busy
 * is not blocked: the thread holding the session applies its change before letting go.
 */
class SessionLaneTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final SessionLane lane = new SessionLane(HandshakeSession.open("sid", "token",
			JsonNodeFactory.instance.stringNode("form-fill"), JsonNodeFactory.instance.arrayNode(),
			JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), Duration.ofMinutes(30),
			Duration.ofHours(24), Instant.parse("2026-11-24T02:00:00Z")));

	@Test
	void aChangeThatFindsTheSessionBusyIsQueuedAndAppliedByTheHolder() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> this.lane.update((session) -> {
			holding.countDown();
			await(release);
			return "first";
		}).block(WAIT), "lane-holder");
		holder.start();
		assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> queued = this.lane.update((session) -> Thread.currentThread().getName()).toFuture();
		assertThat(queued).isNotDone();
		release.countDown();
		assertThat(queued.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lane-holder");
		holder.join();
	}

	@Test
	void changesFromManyThreadsAreAppliedOneAtATime() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		int[] counter = new int[1];
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			threads.add(new Thread(() -> {
				for (int i = 0; i < 2_000; i++) {
					this.lane.update((session) -> {
						mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
						counter[0]++;
						inside.decrementAndGet();
						return counter[0];
					}).subscribe();
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(this.lane.update((session) -> counter[0]).block(WAIT)).isEqualTo(8_000);
		assertThat(mostInside.get()).isEqualTo(1);
	}

	@Test
	void aFailingChangeFailsItsOwnUpdateOnly() {
		Mono<Object> failing = this.lane.update((session) -> {
			throw new IllegalStateException("boom");
		});
		assertThatIllegalStateException().isThrownBy(() -> failing.block(WAIT)).withMessage("boom");
		assertThat(this.lane.update(HandshakeSession::getId).block(WAIT)).isEqualTo("sid");
	}

	@Test
	void aChangeThatThrowsAnErrorFailsItsOwnUpdateAndLeavesTheLaneWorking() {
		Mono<Object> failing = this.lane.update((session) -> {
			throw new AssertionError("broken");
		});
		assertThatThrownBy(() -> failing.block(WAIT)).hasRootCauseInstanceOf(AssertionError.class)
			.hasRootCauseMessage("broken");
		assertThat(this.lane.update(HandshakeSession::getId).block(WAIT)).isEqualTo("sid");
	}

	@Test
	void aChangeWithoutResultCompletesEmpty() {
		assertThat(this.lane.update((session) -> null).blockOptional(WAIT)).isEmpty();
	}

	@Test
	void testsSeeTheSession() {
		assertThat(this.lane.test((session) -> session.getId().equals("sid"))).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
