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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A session's batches are delivered one after the other in queue order, by a loop that
 * neither recurses nor holds more than the allowed backlog, however fast they are queued.
 */
@SpecItem("HPP-A2")
class LocalPacedDeliveryTests {

	static final int ACTIONS = 100_000;

	static final Duration WAIT = Duration.ofSeconds(60);

	/**
	 * While the first event is held, every batch waits; once released, each delivery
	 * completes at once. A chain of completions would recurse once per batch.
	 */
	@Test
	void hundredThousandQueuedActionsAreDeliveredInOrderWithoutRecursion() throws Exception {
		GatedBroadcast broadcast = new GatedBroadcast(2 * ACTIONS);
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, ACTIONS);
		for (int i = 0; i < ACTIONS; i++) {
			delivery.enqueue("s", batch(i)).block(WAIT);
		}
		assertThat(broadcast.events).hasSize(1);
		assertThatNoException().isThrownBy(broadcast::open);
		assertThat(broadcast.delivered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(broadcast.events).containsExactlyElementsOf(expected(0, ACTIONS));
	}

	/**
	 * With the first event held, exactly the allowed backlog waits behind it; every other
	 * batch is refused at once, so memory stays bounded, and once the backlog has drained
	 * the session takes batches again.
	 */
	@Test
	void batchesBeyondTheBacklogAreRefusedExplicitly() throws Exception {
		int max = 100;
		GatedBroadcast broadcast = new GatedBroadcast(2 * (max + 2));
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, max);
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < ACTIONS; i++) {
			try {
				delivery.enqueue("s", batch(i)).block(WAIT);
				accepted++;
			}
			catch (DeliveryBacklogFullException ex) {
				refused++;
			}
		}
		assertThat(accepted).isEqualTo(max + 1);
		assertThat(refused).isEqualTo(ACTIONS - max - 1);
		broadcast.open();
		Awaitility.await().atMost(WAIT).until(() -> broadcast.events.size() == 2 * (max + 1));
		assertThat(broadcast.events).containsExactlyElementsOf(expected(0, max + 1));
		delivery.enqueue("s", batch(ACTIONS)).block(WAIT);
		assertThat(broadcast.delivered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(broadcast.events).endsWith("action:k" + ACTIONS, "done:m" + ACTIONS);
	}

	/**
	 * Stopping cancels the delivery in flight and drops the batches waiting behind it.
	 */
	@Test
	void stoppingDropsTheBacklog() {
		GatedBroadcast broadcast = new GatedBroadcast(2);
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 2);
		delivery.start();
		for (int i = 0; i < 3; i++) {
			delivery.enqueue("s", batch(i)).block(WAIT);
		}
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.reserve("s").block(WAIT));
		delivery.stop();
		assertThat(delivery.reserve("s").block(WAIT)).isNotNull();
		broadcast.open();
		assertThat(broadcast.events).containsExactly("action:k0");
	}

	/**
	 * Behind the held delivery, places reserved count like waiting batches until they are
	 * filled or released; a place released frees room, one filled does not.
	 */
	@Test
	void reservedPlacesCountAgainstTheBacklogUntilReleased() {
		GatedBroadcast broadcast = new GatedBroadcast(6);
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 2);
		delivery.enqueue("s", batch(0)).block(WAIT);
		PacedDelivery.Slot first = delivery.reserve("s").block(WAIT);
		PacedDelivery.Slot second = delivery.reserve("s").block(WAIT);
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.reserve("s").block(WAIT));
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.enqueue("s", batch(9)).block(WAIT));
		first.fill(batch(1)).block(WAIT);
		first.release().block(WAIT);
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.reserve("s").block(WAIT));
		second.release().block(WAIT);
		delivery.enqueue("s", batch(2)).block(WAIT);
		broadcast.open();
		Awaitility.await().atMost(WAIT).until(() -> broadcast.events.size() == 6);
		assertThat(broadcast.events).containsExactlyElementsOf(expected(0, 3));
	}

	/**
	 * Batches are delivered in the order their places are filled, not reserved.
	 */
	@Test
	void batchesFollowTheOrderInWhichTheirPlacesAreFilled() {
		GatedBroadcast broadcast = new GatedBroadcast(4);
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 2);
		PacedDelivery.Slot earlier = delivery.reserve("s").block(WAIT);
		PacedDelivery.Slot later = delivery.reserve("s").block(WAIT);
		later.fill(batch(0)).block(WAIT);
		earlier.fill(batch(1)).block(WAIT);
		broadcast.open();
		Awaitility.await().atMost(WAIT).until(() -> broadcast.events.size() == 4);
		assertThat(broadcast.events).containsExactlyElementsOf(expected(0, 2));
	}

	/**
	 * Work that holds a place the way an action request does gives it back when it fails
	 * or is cancelled.
	 */
	@Test
	void aPlaceIsGivenBackWhenTheWorkHoldingItFailsOrIsCancelled() {
		LocalPacedDelivery delivery = new LocalPacedDelivery(new GatedBroadcast(0), 1);
		Sinks.Empty<Void> work = Sinks.empty();
		Disposable cancelled = holding(delivery, Mono.never()).subscribe();
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.reserve("s").block(WAIT));
		cancelled.dispose();
		delivery.reserve("s").flatMap(PacedDelivery.Slot::release).block(WAIT);
		holding(delivery, work.asMono()).subscribe(null, (ex) -> {
		});
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> delivery.reserve("s").block(WAIT));
		work.tryEmitError(new IllegalStateException("store down"));
		assertThat(delivery.reserve("s").block(WAIT)).isNotNull();
	}

	private static Mono<Void> holding(LocalPacedDelivery delivery, Mono<Void> work) {
		return Mono.usingWhen(delivery.reserve("s"), (slot) -> work, PacedDelivery.Slot::release,
				(slot, ex) -> slot.release(), PacedDelivery.Slot::release);
	}

	/**
	 * Batches queued from several threads while deliveries complete on other threads: one
	 * delivery at a time, each thread's batches in its order, none lost.
	 */
	@Test
	void concurrentQueueingKeepsOneDeliveryAtATime() throws Exception {
		int threads = 4;
		int perThread = 5_000;
		AsyncBroadcast broadcast = new AsyncBroadcast(2 * threads * perThread);
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, threads * perThread);
		List<Thread> producers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t * perThread;
			Thread producer = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					delivery.enqueue("s", batch(offset + i)).block(WAIT);
				}
			});
			producer.start();
			producers.add(producer);
		}
		for (Thread producer : producers) {
			producer.join(WAIT.toMillis());
		}
		assertThat(broadcast.delivered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(broadcast.overlaps).hasValue(0);
		List<String> events = List.copyOf(broadcast.events);
		for (int t = 0; t < threads; t++) {
			int from = t * perThread;
			assertThat(events.stream().filter((event) -> owner(event) / perThread == from / perThread).toList())
				.containsExactlyElementsOf(expected(from, from + perThread));
		}
	}

	/**
	 * Batches without pauses for this instance's own broadcast are published as they are
	 * queued, each batch's events in order, to the connections watching their session
	 * only.
	 */
	@Test
	void batchesWithoutPausesReachTheLocalConnectionsAsTheyAreQueued() {
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 2);
		List<String> events = new CopyOnWriteArrayList<>();
		Disposable watching = broadcast.subscribe("s").map(LocalPacedDeliveryTests::describe).subscribe(events::add);
		delivery.enqueue("s", batch(0)).block(WAIT);
		delivery.enqueue("unwatched", batch(1)).block(WAIT);
		assertThat(events).containsExactlyElementsOf(expected(0, 1));
		delivery.enqueue("s", batch(2)).block(WAIT);
		assertThat(events).containsExactly("action:k0", "done:m0", "action:k2", "done:m2");
		watching.dispose();
	}

	private static PacedBatch batch(int i) {
		return new PacedBatch(List.of(HandshakeEvent.action("k" + i, JsonNodeFactory.instance.numberNode(i))),
				HandshakeEvent.done(1, List.of(), List.of("m" + i)), Duration.ZERO);
	}

	private static List<String> expected(int from, int to) {
		List<String> expected = new ArrayList<>();
		for (int i = from; i < to; i++) {
			expected.add("action:k" + i);
			expected.add("done:m" + i);
		}
		return expected;
	}

	private static int owner(String event) {
		return Integer.parseInt(event.substring(event.indexOf(':') + 2));
	}

	private static String describe(HandshakeEvent event) {
		return event.type() + ":" + (event.type().equals("done") ? event.frame().path("missing").path(0).asString()
				: event.frame().path("key").asString());
	}

	/**
	 * Records each event when asked to publish it, and completes the publishing once
	 * opened: until then the first delivery is held, afterwards every one completes at
	 * once.
	 */
	private static final class GatedBroadcast extends RecordingBroadcast {

		private final Sinks.Empty<Void> gate = Sinks.empty();

		GatedBroadcast(int expected) {
			super(expected);
		}

		void open() {
			this.gate.tryEmitEmpty();
		}

		@Override
		Mono<Void> completion() {
			return this.gate.asMono();
		}

	}

	/**
	 * Records each event and completes its publishing on another thread, noting whether
	 * two publishings ever overlapped.
	 */
	private static final class AsyncBroadcast extends RecordingBroadcast {

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger overlaps = new AtomicInteger();

		AsyncBroadcast(int expected) {
			super(expected);
		}

		@Override
		Mono<Void> completion() {
			if (this.inFlight.incrementAndGet() > 1) {
				this.overlaps.incrementAndGet();
			}
			return Mono.<Void>empty().subscribeOn(Schedulers.parallel()).doOnTerminate(this.inFlight::decrementAndGet);
		}

	}

	private abstract static class RecordingBroadcast implements SessionBroadcast {

		final Queue<String> events = new ConcurrentLinkedQueue<>();

		final CountDownLatch delivered;

		RecordingBroadcast(int expected) {
			this.delivered = new CountDownLatch(expected);
		}

		abstract Mono<Void> completion();

		@Override
		public Mono<Void> publish(String sessionId, HandshakeEvent event) {
			return Mono.defer(() -> {
				this.events.add(describe(event));
				this.delivered.countDown();
				return completion();
			});
		}

		@Override
		public Flux<HandshakeEvent> subscribe(String sessionId) {
			return Flux.never();
		}

		@Override
		public Mono<Integer> connections(String sessionId) {
			return Mono.just(0);
		}

	}

}
