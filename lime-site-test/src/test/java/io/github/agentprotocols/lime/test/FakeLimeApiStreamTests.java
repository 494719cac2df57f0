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

package io.github.agentprotocols.lime.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.lime.test.RawEventStream.Ending;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The site event stream of the {@link FakeLimeApi}, read over a plain socket.
 */
class FakeLimeApiStreamTests {

	@Test
	void streamAnswersHeadersBeforeAnyFrame() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofHours(1)).start();
				RawEventStream stream = RawEventStream.open(fake)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
			assertThat(stream.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(stream.text()).isEmpty();
		}
	}

	@Test
	void keepalivesAreWrittenAsCompactDataFrames() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofMillis(20)).start();
				RawEventStream stream = RawEventStream.open(fake)) {
			assertThat(stream.nextChunk()).isEqualTo("data: {\"type\":\"keepalive\"}\n\n");
			assertThat(stream.nextChunk()).isEqualTo("data: {\"type\":\"keepalive\"}\n\n");
		}
	}

	@Test
	void expiryEmitsExpiredOnTheStream() throws Exception {
		SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00Z"));
		try (FakeLimeApi fake = FakeLimeApi.builder()
			.clock(clock)
			.requestTtl(Duration.ofSeconds(30))
			.keepAliveInterval(Duration.ofHours(1))
			.start(); RawEventStream stream = RawEventStream.open(fake)) {
			String requestId = fake.createLoginRequestDirectly();
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.PENDING);
			clock.advance(Duration.ofSeconds(30));
			assertThat(stream.nextEvent())
				.isEqualTo("{\"type\":\"expired\",\"login_request_id\":\"" + requestId + "\"}");
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.EXPIRED);
		}
	}

	@Test
	void expiryRunsOnTheRealClockWithAShortTtl() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder()
			.requestTtl(Duration.ofMillis(200))
			.keepAliveInterval(Duration.ofHours(1))
			.start(); RawEventStream stream = RawEventStream.open(fake)) {
			String requestId = fake.createLoginRequestDirectly();
			assertThat(stream.nextEvent()).contains("\"type\":\"expired\"").contains(requestId);
		}
	}

	@Test
	void eventsCarryIdsWhenEnabled() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().sseIds(true).keepAliveInterval(Duration.ofHours(1)).start();
				RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			fake.emitExpired("lr_2");
			assertThat(stream.nextChunk())
				.isEqualTo("id: 1\ndata: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n");
			assertThat(stream.nextChunk()).startsWith("id: 2\n");
		}
	}

	@Test
	void replayResendsTheEventsAfterLastEventId() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder()
			.sseIds(true)
			.replay(true)
			.keepAliveInterval(Duration.ofHours(1))
			.start()) {
			fake.emitExpired("lr_1");
			fake.emitExpired("lr_2");
			fake.emitExpired("lr_3");
			try (RawEventStream stream = RawEventStream.open(fake,
					Map.of("X-Site-Token", fake.siteToken(), "Last-Event-ID", "1"))) {
				assertThat(stream.nextChunk()).startsWith("id: 2\n").contains("lr_2");
				assertThat(stream.nextChunk()).startsWith("id: 3\n").contains("lr_3");
				fake.emitExpired("lr_4");
				assertThat(stream.nextChunk()).startsWith("id: 4\n").contains("lr_4");
			}
			assertThat(fake.requests().of(Endpoint.EVENTS)).singleElement()
				.satisfies((request) -> assertThat(request.header("Last-Event-ID")).isEqualTo("1"));
		}
	}

	@Test
	void replayResendsTheNewestEventsTheLogKeeps() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder()
			.sseIds(true)
			.replay(true)
			.keepAliveInterval(Duration.ofHours(1))
			.start()) {
			for (int i = 1; i <= EventStreams.LOG_LIMIT + 2; i++) {
				fake.emitExpired("lr_" + i);
			}
			try (RawEventStream stream = RawEventStream.open(fake,
					Map.of("X-Site-Token", fake.siteToken(), "Last-Event-ID", "1"))) {
				assertThat(stream.nextChunk()).startsWith("id: 3\n").contains("\"lr_3\"");
			}
		}
	}

	@Test
	void withoutReplayAReconnectOnlySeesNewEvents() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().sseIds(true).keepAliveInterval(Duration.ofHours(1)).start()) {
			fake.emitExpired("lr_1");
			try (RawEventStream stream = RawEventStream.open(fake,
					Map.of("X-Site-Token", fake.siteToken(), "Last-Event-ID", "0"))) {
				fake.emitExpired("lr_2");
				assertThat(stream.nextChunk()).startsWith("id: 2\n");
			}
		}
	}

	@Test
	void eventsAreBroadcastToEveryOpenStream() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofHours(1)).start();
				RawEventStream first = RawEventStream.open(fake);
				RawEventStream second = RawEventStream.open(fake)) {
			assertThat(fake.emitExpired("lr_1")).isEqualTo(2);
			assertThat(first.nextEvent()).contains("lr_1");
			assertThat(second.nextEvent()).contains("lr_1");
		}
	}

	@Test
	void withoutBroadcastOnlyTheNewestStreamGetsEvents() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().broadcast(false).keepAliveInterval(Duration.ofHours(1)).start();
				RawEventStream first = RawEventStream.open(fake)) {
			try (RawEventStream second = RawEventStream.open(fake)) {
				assertThat(fake.emitExpired("lr_1")).isEqualTo(1);
				assertThat(second.nextEvent()).contains("lr_1");
			}
			for (int i = 0; fake.openStreams() > 1 && i < 1000; i++) {
				Thread.sleep(10);
			}
			fake.emitExpired("lr_2");
			assertThat(first.nextEvent()).contains("lr_2");
		}
	}

	@Test
	void approvalWithoutAnOpenStreamLeavesTheRequestApproved() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.start()) {
			String requestId = fake.createLoginRequestDirectly();
			assertThat(fake.agent().approve(requestId)).containsEntry("status", "APPROVED");
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.APPROVED);
		}
	}

	@Test
	void closeEndsOpenStreamsAndStopsTheFakesThreads() throws Exception {
		// fakes of other test classes may still run, e.g. one in a cached Spring context
		Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
		FakeLimeApi fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofMillis(10)).start();
		try (RawEventStream stream = RawEventStream.open(fake)) {
			stream.nextChunk();
			fake.close();
			assertThat(stream.ending()).isIn(Ending.CLEAN, Ending.DROPPED);
		}
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!before.contains(thread) && thread.getName().startsWith("fake-lime-")) {
				thread.join(Duration.ofSeconds(5).toMillis());
				assertThat(thread.isAlive()).as(thread.getName()).isFalse();
			}
		}
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> !before.contains(thread))
			.noneMatch((thread) -> thread.getName().startsWith("fake-lime-"));
	}

	@Test
	void publishingWhileStreamsDropDoesNotDeadlock() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofMillis(1)).start()) {
			fake.faults().dropStreamsAfter(2, false);
			ExecutorService readers = Executors.newFixedThreadPool(4);
			AtomicBoolean publishing = new AtomicBoolean(true);
			try {
				for (int i = 0; i < 4; i++) {
					readers.submit(() -> {
						while (publishing.get()) {
							try (RawEventStream stream = RawEventStream.open(fake)) {
								stream.nextChunk();
							}
						}
						return null;
					});
				}
				assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
					for (int i = 0; i < 5_000; i++) {
						fake.emitExpired("lr_" + i);
					}
				});
			}
			finally {
				publishing.set(false);
				readers.shutdownNow();
			}
		}
	}

}
