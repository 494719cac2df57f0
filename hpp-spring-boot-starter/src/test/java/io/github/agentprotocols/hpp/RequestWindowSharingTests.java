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

package io.github.agentprotocols.hpp;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A session's request window is shared with the session's copies, so the cost of an agent
 * request does not grow with the rate limit: copying a window, and accepting a request
 * after a copy, allocate nothing in proportion to the requests the window holds. Proven
 * by counting the bytes the test's thread allocates, not by timing.
 */
class RequestWindowSharingTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private static final int HELD = 100_000;

	private static final int ROUNDS = 1_000;

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@BeforeEach
	void allocationsAreCounted() {
		assumeThat(this.threads.isThreadAllocatedMemorySupported() && this.threads.isThreadAllocatedMemoryEnabled())
			.isTrue();
	}

	@Test
	void copyingAWindowOfAHundredThousandRequestsAllocatesNothingInProportion() {
		RequestWindow window = windowHolding(HELD);
		RequestWindow[] copies = new RequestWindow[ROUNDS];
		long allocated = allocatedBy(() -> {
			for (int i = 0; i < ROUNDS; i++) {
				copies[i] = window.copy();
			}
		});
		assertThat(allocated / ROUNDS).as("bytes per copy of a window holding %d requests", HELD).isLessThan(100);
		assertThat(copies[ROUNDS - 1].accepted()).hasSize(HELD);
	}

	@Test
	void acceptingRequestsAfterCopiesAllocatesNothingInProportion() {
		RequestWindow window = windowHolding(HELD);
		Instant[] times = new Instant[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			times[i] = T0.plusSeconds(30).plusNanos(i);
		}
		RequestWindow[] copies = new RequestWindow[ROUNDS];
		long allocated = allocatedBy(() -> {
			for (int i = 0; i < ROUNDS; i++) {
				copies[i] = window.copy();
				window.tryAcquire(times[i], Integer.MAX_VALUE);
			}
		});
		long oneCopyOfTheLog = 8L * HELD;
		assertThat(allocated).as("bytes for %d copies and requests", ROUNDS).isLessThan(3 * oneCopyOfTheLog);
		assertThat(window.accepted()).hasSize(HELD + ROUNDS);
		assertThat(copies[0].accepted()).hasSize(HELD);
		assertThat(copies[ROUNDS - 1].accepted()).hasSize(HELD + ROUNDS - 1);
	}

	@Test
	void copyingASessionCostsTheSameWhateverItsWindowHolds() {
		HandshakeSession idle = session();
		HandshakeSession busy = session();
		RequestWindow requests = busy.getRequests();
		for (int i = 0; i < HELD; i++) {
			requests.tryAcquire(T0.plusNanos(i), Integer.MAX_VALUE);
		}
		long idleCopy = allocatedPerCopy(idle);
		long busyCopy = allocatedPerCopy(busy);
		assertThat(busyCopy).as("bytes per copy of a session holding %d requests", HELD).isLessThan(idleCopy + 100);
	}

	@Test
	void windowsThatShareALogKeepTheirOwnRequests() {
		RequestWindow original = windowHolding(10);
		RequestWindow copy = original.copy();
		original.tryAcquire(T0.plusSeconds(1), 100);
		copy.tryAcquire(T0.plusSeconds(2), 100);
		copy.tryAcquire(T0.plusSeconds(3), 100);
		original.tryAcquire(T0.plusSeconds(4), 100);
		assertThat(original.accepted()).hasSize(12).endsWith(T0.plusSeconds(1), T0.plusSeconds(4));
		assertThat(copy.accepted()).hasSize(12).endsWith(T0.plusSeconds(2), T0.plusSeconds(3));
	}

	@Test
	void windowsThatShareALogKeepTheirOwnRequestsAcrossThreads() {
		RequestWindow original = windowHolding(10);
		RequestWindow copy = original.copy();
		List<Instant> shared = List.copyOf(original.accepted());
		CompletableFuture<List<Instant>> other = CompletableFuture.supplyAsync(() -> acceptMany(copy, 1));
		List<Instant> originals = acceptMany(original, 0);
		List<Instant> copies = other.join();
		assertThat(original.accepted()).startsWith(shared.toArray(Instant[]::new))
			.endsWith(originals.toArray(Instant[]::new))
			.hasSize(shared.size() + originals.size());
		assertThat(copy.accepted()).startsWith(shared.toArray(Instant[]::new))
			.endsWith(copies.toArray(Instant[]::new))
			.hasSize(shared.size() + copies.size());
	}

	private static List<Instant> acceptMany(RequestWindow window, int parity) {
		List<Instant> accepted = new ArrayList<>();
		for (int i = 0; i < HELD; i++) {
			Instant time = T0.plusSeconds(1).plusNanos(2L * i + parity);
			window.tryAcquire(time, Integer.MAX_VALUE);
			accepted.add(time);
		}
		return accepted;
	}

	private long allocatedPerCopy(HandshakeSession session) {
		List<HandshakeSession> copies = new ArrayList<>(ROUNDS);
		long allocated = allocatedBy(() -> {
			for (int i = 0; i < ROUNDS; i++) {
				copies.add(session.copy());
			}
		});
		return allocated / ROUNDS;
	}

	private long allocatedBy(Runnable work) {
		long thread = Thread.currentThread().getId();
		long before = this.threads.getThreadAllocatedBytes(thread);
		work.run();
		return this.threads.getThreadAllocatedBytes(thread) - before;
	}

	private static RequestWindow windowHolding(int requests) {
		RequestWindow window = new RequestWindow();
		for (int i = 0; i < requests; i++) {
			window.tryAcquire(T0.plusNanos(i), Integer.MAX_VALUE);
		}
		return window;
	}

	private static HandshakeSession session() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return HandshakeSession.open("s1", "token", nodes.stringNode("default"), nodes.arrayNode(), nodes.objectNode(),
				nodes.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), T0);
	}

}
