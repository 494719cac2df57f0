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

package io.github.agentprotocols.lime.sse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.agentprotocols.lime.EventObservations;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LimeEventPipeline} alone, fed frames without HTTP: dedupe, claims in a
 * shared log, the last event id and reconciliation.
 */
class LimeEventPipelineTests {

	private final RecordingHandler handler = new RecordingHandler();

	private final AtomicReference<@Nullable String> lastEventId = new AtomicReference<>();

	private final PendingLoginRequests pending = new InMemoryPendingLoginRequests(Clock.systemUTC());

	private final RecentEvents recentEvents = new RecentEvents(100);

	private final RecentEvents handledEvents = new RecentEvents(100);

	private LimeEventPipeline pipeline;

	@AfterEach
	void close() {
		if (this.pipeline != null) {
			this.pipeline.closed();
		}
	}

	@Test
	void repeatedEventIsDeliveredOnceAndEachFrameIdBecomesTheLastEventId() {
		this.pipeline = pipeline(null, null);
		this.pipeline.frame(approved("lr_1", "1")).block();
		this.pipeline.frame(approved("lr_1", "2")).block();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.lr_1");
		assertThat(this.pipeline.lastEventId()).isEqualTo("2");
		assertThat(this.lastEventId.get()).isEqualTo("2");
	}

	@Test
	void eventClaimedByAnotherInstanceIsSkippedButItsIdIsRecorded() {
		RecordingLog log = new RecordingLog(false);
		this.pipeline = pipeline(log, null);
		this.pipeline.frame(approved("lr_1", "7")).block();
		this.pipeline.frame(approved("lr_2", "8")).block();
		assertThat(log.claimed).containsExactly("lr_1", "lr_2");
		assertThat(log.advanced).containsExactly("7", "8");
		assertThat(this.pipeline.lastEventId()).isEqualTo("8");
		assertThat(this.handler.calls()).isEmpty();
	}

	@Test
	void eventDroppedAsTheStreamClosesIsDeliveredWhenTheStreamReplaysIt() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		List<String> calls = new CopyOnWriteArrayList<>();
		LimeLoginHandler hangs = hangs(running);
		LimeLoginHandler firstCallHangs = (requestId, jwt) -> {
			calls.add(requestId);
			if (calls.size() == 1) {
				hangs.onLogin(requestId, jwt);
			}
		};
		LimeEventPipeline closed = pipeline(firstCallHangs, null, null);
		closed.frame(approved("lr_1", "1")).block();
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		closed.closed();
		this.pipeline = pipeline(firstCallHangs, null, null);
		this.pipeline.frame(approved("lr_1", "1")).block();
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 2);
	}

	@Test
	void eventWhoseClaimWasCutShortAsTheStreamClosedIsDeliveredWhenTheStreamReplaysIt() {
		RecordingLog log = new RecordingLog(true);
		log.unansweredClaims.set(1);
		LimeEventPipeline closed = pipeline(log, null);
		Disposable frame = closed.frame(approved("lr_1", "1")).subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> log.claimed.contains("lr_1"));
		frame.dispose();
		closed.closed();
		this.pipeline = pipeline(log, null);
		this.pipeline.frame(approved("lr_1", "1")).block();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.lr_1");
	}

	@Test
	void deliveredEventForgetsItsPendingRequest() {
		this.pending.add("lr_1", Instant.now().plusSeconds(60)).block();
		this.pipeline = pipeline(null, null);
		this.pipeline.frame(approved("lr_1", null)).block();
		assertThat(this.pending.pending().collectList().block()).isEmpty();
	}

	@Test
	void resumesFromTheLastEventIdOfTheSharedLog() {
		this.lastEventId.set("3");
		RecordingLog log = new RecordingLog(true);
		log.lastEventId = "41";
		this.pipeline = pipeline(log, null);
		this.pipeline.beforeConnect().block();
		assertThat(this.pipeline.lastEventId()).isEqualTo("41");
	}

	@Test
	void afterAConnectionTheExpiriesMissedMeanwhileAreDelivered() {
		this.pending.add("lr_gone", Instant.now().plusSeconds(60)).block();
		this.pending.add("lr_waiting", Instant.now().plusSeconds(60)).block();
		Reconciliation reconciliation = new Reconciliation(this.pending, (requestId) -> Mono
			.just(new LoginStatus(requestId, requestId.equals("lr_gone") ? LoginStatus.EXPIRED : "PENDING", null)),
				Clock.systemUTC());
		this.pipeline = pipeline(null, reconciliation);
		this.pipeline.connected();
		assertThat(this.handler.awaitCalls("lr_gone")).containsExactly("lr_gone null");
		assertThat(this.handler.callsFor("lr_waiting")).isEmpty();
	}

	@Test
	void eventsLeftInFlightAreDeliveredOnceBeforeTheFirstConnection() {
		RecordingLog log = new RecordingLog(false);
		log.inFlight.add(new LimeEvent(LimeEvent.Type.APPROVED, "lr_1", "jwt.lr_1", "5"));
		this.pending.add("lr_1", Instant.now().plusSeconds(60)).block();
		this.pipeline = pipeline(log, null);
		this.pipeline.beforeConnect().block();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.lr_1");
		this.pipeline.beforeConnect().block();
		this.pipeline.frame(approved("lr_1", "5")).block();
		assertThat(this.handler.callsFor("lr_1")).as("once, also when the stream replays it").hasSize(1);
		assertThat(log.claimed).as("the stream's replay was not taken on again").isEmpty();
		assertThat(this.pending.pending().collectList().block()).isEmpty();
	}

	@Test
	void eventHandledHereIsRecordedAgainNotDeliveredAgainWhenItsRecordDidNotLand() {
		RecordingLog log = new RecordingLog(true);
		this.pipeline = pipeline(log, null);
		this.pipeline.frame(approved("lr_1", "5")).block();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.lr_1");
		// the record that it was handled did not land (a master failing over): the
		// event is still in flight when this instance, its lease back, reads the log
		await().until(() -> this.handledEvents.contains(LimeEvent.Type.APPROVED, "lr_1"));
		log.inFlight.add(new LimeEvent(LimeEvent.Type.APPROVED, "lr_1", "jwt.lr_1", "5"));
		this.pipeline.closed();
		this.pipeline = pipeline(log, null);
		this.pipeline.beforeConnect().block();
		assertThat(log.handled).as("recorded again").containsExactly("lr_1");
		assertThat(this.handler.callsFor("lr_1")).as("handled once").hasSize(1);
	}

	@Test
	void eventsInFlightAreLookedForAgainWhenTheLogCouldNotBeRead() {
		RecordingLog log = new RecordingLog(false);
		log.inFlight.add(new LimeEvent(LimeEvent.Type.EXPIRED, "lr_1", null, null));
		log.inFlightFailures.set(1);
		this.pipeline = pipeline(log, null);
		this.pipeline.beforeConnect().block();
		assertThat(this.handler.callsFor("lr_1")).isEmpty();
		this.pipeline.beforeConnect().block();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
	}

	@Test
	void eventAnotherReaderTookOnAndDroppedAfterThisOneStartedIsDeliveredByTheRecheck() throws Exception {
		SharedLog log = new SharedLog();
		this.pipeline = reader(this.handler, log, Duration.ofMillis(100));
		this.pipeline.beforeConnect().block();
		this.pipeline.connected();
		// the reader whose lease was lost in a failover: it takes lr_1 on, then stops
		// before its handler ran
		CountDownLatch running = new CountDownLatch(1);
		LimeEventPipeline previous = reader(hangs(running), log, null);
		previous.frame(approved("lr_1", "1")).block();
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		previous.closed();
		this.pipeline.frame(approved("lr_1", "1")).block();
		assertThat(this.handler.callsFor("lr_1")).as("claimed by the previous reader").isEmpty();
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.lr_1");
		this.pipeline.frame(approved("lr_2", "2")).block();
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 jwt.lr_2");
		await().atMost(Duration.ofSeconds(10)).until(log.inFlight::isEmpty);
		Thread.sleep(300);
		assertThat(this.handler.calls()).as("each once, also across rechecks").hasSize(2);
	}

	/**
	 * A handler that counts down {@code running}, then waits until interrupted.
	 */
	private static LimeLoginHandler hangs(CountDownLatch running) {
		return (requestId, jwt) -> {
			running.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	private LimeEventPipeline pipeline(@Nullable LimeEventLog log, @Nullable Reconciliation reconciliation) {
		return pipeline(this.handler, log, reconciliation);
	}

	private LimeEventPipeline pipeline(LimeLoginHandler handler, @Nullable LimeEventLog log,
			@Nullable Reconciliation reconciliation) {
		return pipeline(handler, log, reconciliation, null, this.recentEvents, this.handledEvents,
				this.handledEvents::add);
	}

	/**
	 * A reader of its own on a shared log, as another instance of the site: the events
	 * whose handlers ran are recorded in the log.
	 */
	private LimeEventPipeline reader(LimeLoginHandler handler, SharedLog log, @Nullable Duration inFlightRecheck) {
		RecentEvents handledEvents = new RecentEvents(100);
		return pipeline(handler, log, null, inFlightRecheck, new RecentEvents(100), handledEvents, (event) -> {
			handledEvents.add(event);
			log.handled(event).block();
		});
	}

	private LimeEventPipeline pipeline(LimeLoginHandler handler, @Nullable LimeEventLog log,
			@Nullable Reconciliation reconciliation, @Nullable Duration inFlightRecheck, RecentEvents recentEvents,
			RecentEvents handledEvents, Consumer<LimeEvent> handled) {
		EventObservations observations = new EventObservations(ObservationRegistry.NOOP, null, null);
		return new LimeEventPipeline(
				new OrderedDelivery(List.of(handler), Schedulers.boundedElastic(), Duration.ofSeconds(10),
						LimeMetrics.NONE, observations, handled, recentEvents::forget),
				recentEvents, handledEvents, this.lastEventId, log, this.pending, reconciliation, inFlightRecheck,
				observations);
	}

	private static ServerSentEvent<String> approved(String requestId, @Nullable String id) {
		String data = "{\"type\":\"approved\",\"login_request_id\":\"" + requestId + "\",\"agent_passport_jwt\":\"jwt."
				+ requestId + "\"}";
		ServerSentEvent.Builder<String> frame = ServerSentEvent.builder(data);
		return ((id != null) ? frame.id(id) : frame).build();
	}

	/**
	 * A log shared by readers as Redis shares it: a claim per request id, the events in
	 * flight until handled.
	 */
	private static final class SharedLog implements LimeEventLog {

		private final Set<String> claims = ConcurrentHashMap.newKeySet();

		private final Set<LimeEvent> inFlight = ConcurrentHashMap.newKeySet();

		@Override
		public Mono<String> lastEventId() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> advance(String lastEventId) {
			return Mono.empty();
		}

		@Override
		public Mono<Boolean> claim(LimeEvent event) {
			return Mono.fromSupplier(() -> {
				boolean added = this.inFlight.add(event);
				boolean claimed = this.claims.add(event.requestId());
				if (!claimed && added) {
					this.inFlight.remove(event);
				}
				return claimed;
			});
		}

		@Override
		public Mono<Void> handled(LimeEvent event) {
			return Mono.fromRunnable(() -> this.inFlight.remove(event));
		}

		@Override
		public Flux<LimeEvent> inFlight() {
			return Flux.defer(() -> Flux.fromIterable(List.copyOf(this.inFlight)));
		}

	}

	private static final class RecordingLog implements LimeEventLog {

		private final boolean claims;

		private final List<String> claimed = new CopyOnWriteArrayList<>();

		private final List<String> advanced = new CopyOnWriteArrayList<>();

		private volatile @Nullable String lastEventId;

		private final List<LimeEvent> inFlight = new CopyOnWriteArrayList<>();

		private final List<String> handled = new CopyOnWriteArrayList<>();

		private final AtomicInteger inFlightFailures = new AtomicInteger();

		private final AtomicInteger unansweredClaims = new AtomicInteger();

		RecordingLog(boolean claims) {
			this.claims = claims;
		}

		@Override
		public Mono<String> lastEventId() {
			return Mono.justOrEmpty(this.lastEventId);
		}

		@Override
		public Mono<Void> advance(String lastEventId) {
			return Mono.fromRunnable(() -> this.advanced.add(lastEventId));
		}

		@Override
		public Mono<Boolean> claim(LimeEvent event) {
			return Mono.defer(() -> {
				this.claimed.add(event.requestId());
				return (this.unansweredClaims.getAndDecrement() > 0) ? Mono.never() : Mono.just(this.claims);
			});
		}

		@Override
		public Mono<Void> handled(LimeEvent event) {
			return Mono.fromRunnable(() -> this.handled.add(event.requestId()));
		}

		@Override
		public Flux<LimeEvent> inFlight() {
			return Flux.defer(() -> (this.inFlightFailures.getAndDecrement() > 0)
					? Flux.error(new IllegalStateException("Redis unavailable")) : Flux.fromIterable(this.inFlight));
		}

	}

}
