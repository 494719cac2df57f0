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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batches queued on two instances for one session reach a watcher whole and in the order
 * they were queued, though each instance paces its own batches.
 */
@UsesRedis
class RedisPacedDeliveryTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final int MAX_QUEUED = 100;

	final RedisTestConnections connections = new RedisTestConnections();

	final RedisSessionBroadcast broadcastA = broadcast();

	final RedisSessionBroadcast broadcastB = broadcast();

	final RedisPacedDelivery a = new RedisPacedDelivery(this.connections.template(), this.broadcastA,
			this.connections.keys, Duration.ofSeconds(30), MAX_QUEUED);

	final RedisPacedDelivery b = new RedisPacedDelivery(this.connections.template(), this.broadcastB,
			this.connections.keys, Duration.ofSeconds(30), MAX_QUEUED);

	@AfterEach
	void close() {
		this.broadcastA.destroy();
		this.broadcastB.destroy();
		this.connections.close();
	}

	@Test
	void batchesFromTwoInstancesArriveWholeAndInQueueOrder() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastA.subscribe("s", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			int batches = 6;
			for (int batch = 0; batch < batches; batch++) {
				RedisPacedDelivery instance = (batch % 2 == 0) ? this.a : this.b;
				instance.enqueue("s", new PacedBatch(actions(batch, 3), done(batch), Duration.ofMillis(20)))
					.block(WAIT);
			}
			List<String> received = new ArrayList<>();
			for (int i = 0; i < batches * 4; i++) {
				HandshakeEvent event = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(event).as("event %d after %s", i, received).isNotNull();
				received.add(event.type() + ":" + event.frame().path("key").asString(""));
			}
			List<String> expected = new ArrayList<>();
			for (int batch = 0; batch < batches; batch++) {
				for (int i = 0; i < 3; i++) {
					expected.add("action:b" + batch + "k" + i);
				}
				expected.add("done:");
			}
			assertThat(received).containsExactlyElementsOf(expected);
			assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
		}
		finally {
			watching.dispose();
		}
	}

	/**
	 * The pauses are measured where the deliverer publishes: on their way through Redis
	 * to the watcher, two events may come closer together than they were published.
	 */
	@Test
	void pausesFollowEachAction() throws Exception {
		RecordingBroadcast recording = new RecordingBroadcast(this.broadcastB);
		RedisPacedDelivery delivery = new RedisPacedDelivery(this.connections.template(), recording,
				this.connections.keys, Duration.ofSeconds(30), MAX_QUEUED);
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastA.subscribe("p", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			delivery.enqueue("p", new PacedBatch(actions(0, 2), done(0), Duration.ofMillis(300))).block(WAIT);
			for (String type : List.of("action", "action", "done")) {
				HandshakeEvent event = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(event).isNotNull();
				assertThat(event.type()).isEqualTo(type);
			}
			List<Long> published = recording.published;
			assertThat(published).hasSize(3);
			assertThat(Duration.ofNanos(published.get(2) - published.get(0)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(550));
		}
		finally {
			watching.dispose();
		}
	}

	@Test
	void queueAndLeaseAreGoneOnceDelivered() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastA.subscribe("q", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			this.a.enqueue("q", new PacedBatch(List.of(), done(0), Duration.ZERO)).block(WAIT);
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("done");
			var redis = this.connections.template();
			org.awaitility.Awaitility.await()
				.atMost(WAIT)
				.until(() -> !redis.hasKey(this.connections.keys.deliverer("q")).block(WAIT));
			assertThat(redis.hasKey(this.connections.keys.deliveries("q")).block(WAIT)).isFalse();
		}
		finally {
			watching.dispose();
		}
	}

	/**
	 * What the stopped deliverer publishes is counted where it publishes: an event it
	 * published just before it was stopped may still reach the watcher afterwards.
	 */
	@Test
	void stoppingCancelsTheDeliveryInFlightAndReleasesItsLease() throws Exception {
		RecordingBroadcast recording = new RecordingBroadcast(this.broadcastA);
		RedisPacedDelivery delivery = new RedisPacedDelivery(this.connections.template(), recording,
				this.connections.keys, Duration.ofSeconds(30), MAX_QUEUED);
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastA.subscribe("c", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			delivery.start();
			delivery.enqueue("c", new PacedBatch(actions(0, 5), done(0), Duration.ofMillis(200))).block(WAIT);
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("action");
			CountDownLatch stopped = new CountDownLatch(1);
			delivery.stop(stopped::countDown);
			assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(delivery.isRunning()).isFalse();
			var redis = this.connections.template();
			assertThat(redis.hasKey(this.connections.keys.deliverer("c")).block(WAIT)).isFalse();
			int publishedBeforeTheStop = recording.published.size();
			Thread.sleep(600);
			assertThat(recording.published).hasSize(publishedBeforeTheStop).hasSizeLessThan(6);
		}
		finally {
			watching.dispose();
		}
	}

	/**
	 * Once an instance is stopped, a batch it queues, even one without pauses on a
	 * session where nothing waits, is neither published nor delivered by it: it waits in
	 * the list, the lease left to another instance, which delivers it first with the
	 * session's next batch.
	 */
	@Test
	void batchesQueuedAfterTheStopWaitForAnotherInstance() throws Exception {
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastB.subscribe("w", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).type()).isEqualTo("heartbeat");
			this.a.start();
			CountDownLatch stopped = new CountDownLatch(1);
			this.a.stop(stopped::countDown);
			assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			this.a.enqueue("w", new PacedBatch(actions(0, 2), done(0), Duration.ZERO)).block(WAIT);
			var redis = this.connections.template();
			assertThat(redis.opsForList().size(this.connections.keys.deliveries("w")).block(WAIT)).isOne();
			assertThat(redis.hasKey(this.connections.keys.deliverer("w")).block(WAIT)).isFalse();
			this.b.enqueue("w", new PacedBatch(actions(1, 2), done(1), Duration.ZERO)).block(WAIT);
			List<String> received = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				HandshakeEvent event = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
				assertThat(event).as("event %d after %s", i, received).isNotNull();
				received.add(event.type() + ":" + event.frame().path("key").asString(""));
			}
			assertThat(received).containsExactly("action:b0k0", "action:b0k1", "done:", "action:b1k0", "action:b1k1",
					"done:");
		}
		finally {
			watching.dispose();
		}
	}

	@Test
	void batchesBeyondTheBacklogAreRefusedExplicitly() {
		var redis = this.connections.template();
		redis.opsForValue().set(this.connections.keys.deliverer("f"), "another instance").block(WAIT);
		for (int batch = 0; batch < MAX_QUEUED; batch++) {
			this.a.enqueue("f", new PacedBatch(actions(batch, 1), done(batch), Duration.ZERO)).block(WAIT);
		}
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(() -> this.b.reserve("f").block(WAIT));
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(
				() -> this.b.enqueue("f", new PacedBatch(actions(MAX_QUEUED, 1), done(MAX_QUEUED), Duration.ZERO))
					.block(WAIT));
		assertThat(redis.opsForList().size(this.connections.keys.deliveries("f")).block(WAIT)).isEqualTo(MAX_QUEUED);
	}

	/**
	 * Places reserved on one instance count against the list on every instance until they
	 * are filled or released. Each reservation lapses at the lease's duration from now.
	 */
	@Test
	void reservedPlacesCountOnEveryInstanceUntilReleased() {
		var redis = this.connections.template();
		redis.opsForValue().set(this.connections.keys.deliverer("r"), "another instance").block(WAIT);
		long before = System.currentTimeMillis();
		List<PacedDelivery.Slot> slots = new ArrayList<>();
		for (int place = 0; place < MAX_QUEUED; place++) {
			slots.add(this.a.reserve("r").block(WAIT));
		}
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(() -> this.b.reserve("r").block(WAIT));
		String reservations = this.connections.keys.reservations("r");
		Double lapse = redis.opsForZSet()
			.rangeWithScores(reservations, Range.closed(0L, 0L))
			.blockFirst(WAIT)
			.getScore();
		assertThat(lapse).isBetween(before + 60_000.0, System.currentTimeMillis() + 60_000.0 + 1_000);
		slots.get(0).fill(new PacedBatch(actions(0, 1), done(0), Duration.ZERO)).block(WAIT);
		slots.get(0).release().block(WAIT);
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(() -> this.b.reserve("r").block(WAIT));
		slots.get(1).release().block(WAIT);
		this.b.enqueue("r", new PacedBatch(actions(1, 1), done(1), Duration.ZERO)).block(WAIT);
		assertThat(redis.opsForList().size(this.connections.keys.deliveries("r")).block(WAIT)).isEqualTo(2);
		assertThat(redis.opsForZSet().size(reservations).block(WAIT)).isEqualTo(MAX_QUEUED - 2);
	}

	/**
	 * An instance that died between reserving and filling leaves reservations that lapse
	 * on their own (here their lapse time is moved into the past); one that fills a
	 * lapsed reservation after its place was taken is refused.
	 */
	@Test
	void abandonedReservationsLapse() {
		var redis = this.connections.template();
		redis.opsForValue().set(this.connections.keys.deliverer("x"), "another instance").block(WAIT);
		String reservations = this.connections.keys.reservations("x");
		List<PacedDelivery.Slot> slots = new ArrayList<>();
		for (int place = 0; place < MAX_QUEUED; place++) {
			slots.add(this.a.reserve("x").block(WAIT));
		}
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(() -> this.b.reserve("x").block(WAIT));
		redis.opsForZSet()
			.rangeWithScores(reservations, Range.closed(0L, -1L))
			.concatMap((reservation) -> redis.opsForZSet().add(reservations, reservation.getValue(), 0))
			.blockLast(WAIT);
		this.b.enqueue("x", new PacedBatch(actions(0, 1), done(0), Duration.ZERO)).block(WAIT);
		assertThat(redis.opsForZSet().size(reservations).block(WAIT)).isZero();
		for (int batch = 1; batch < MAX_QUEUED; batch++) {
			slots.get(batch).fill(new PacedBatch(actions(batch, 1), done(batch), Duration.ZERO)).block(WAIT);
		}
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> slots.get(0).fill(new PacedBatch(actions(0, 1), done(0), Duration.ZERO)).block(WAIT));
		assertThat(redis.opsForList().size(this.connections.keys.deliveries("x")).block(WAIT)).isEqualTo(MAX_QUEUED);
	}

	/**
	 * Work that holds a place the way an action request does gives it back when it fails
	 * or is cancelled.
	 */
	@Test
	void aPlaceIsGivenBackWhenTheWorkHoldingItFailsOrIsCancelled() {
		var redis = this.connections.template();
		String reservations = this.connections.keys.reservations("g");
		Sinks.Empty<Void> work = Sinks.empty();
		CountDownLatch reserved = new CountDownLatch(2);
		Disposable cancelled = holding("g", Mono.never(), reserved).subscribe();
		holding("g", work.asMono(), reserved).subscribe(null, (ex) -> {
		});
		assertThat(awaitQuietly(reserved)).isTrue();
		assertThat(redis.opsForZSet().size(reservations).block(WAIT)).isEqualTo(2);
		cancelled.dispose();
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> redis.opsForZSet().size(reservations).block(WAIT) == 1);
		work.tryEmitError(new IllegalStateException("store down"));
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> redis.opsForZSet().size(reservations).block(WAIT) == 0);
	}

	private Mono<Void> holding(String sessionId, Mono<Void> work, CountDownLatch reserved) {
		return Mono.usingWhen(this.a.reserve(sessionId).doOnNext((slot) -> reserved.countDown()), (slot) -> work,
				PacedDelivery.Slot::release, (slot, ex) -> slot.release(), PacedDelivery.Slot::release);
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The lease of a full list expires (its holder died): the next batch is refused, and
	 * still sets the waiting ones going.
	 */
	@Test
	void aRefusedBatchStillStartsTheDeliveryOfAnOrphanedList() {
		var redis = this.connections.template();
		String lease = this.connections.keys.deliverer("o");
		redis.opsForValue().set(lease, "a dead instance").block(WAIT);
		for (int batch = 0; batch < MAX_QUEUED; batch++) {
			this.a.enqueue("o", new PacedBatch(List.of(), done(batch), Duration.ZERO)).block(WAIT);
		}
		redis.delete(lease).block(WAIT);
		assertThatExceptionOfType(DeliveryBacklogFullException.class).isThrownBy(
				() -> this.b.enqueue("o", new PacedBatch(List.of(), done(MAX_QUEUED), Duration.ZERO)).block(WAIT));
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> redis.opsForList().size(this.connections.keys.deliveries("o")).block(WAIT) == 0
					&& !redis.hasKey(lease).block(WAIT));
	}

	/**
	 * One instance takes the lease of a long backlog and delivers it whole. Chaining one
	 * delivery after the other would nest a level per batch: completing the last would
	 * unwind them all at once on a Redis event-loop thread, overflow its stack, and the
	 * delivery would never end.
	 */
	@Test
	void aLongBacklogIsDeliveredInOrderByALoop() {
		int batches = 10_000;
		var redis = this.connections.template();
		String lease = this.connections.keys.deliverer("l");
		redis.opsForValue().set(lease, "another instance").block(WAIT);
		RecordingBroadcast recording = new RecordingBroadcast(new LocalSessionBroadcast());
		RedisPacedDelivery delivery = new RedisPacedDelivery(this.connections.template(), recording,
				this.connections.keys, Duration.ofSeconds(30), batches);
		// 10,000 enqueues in a row, some 30,000 round trips: bounded against a hang, not
		// timed (a CI rehearsal at load 30 on 2 cores took over 2 minutes)
		Flux.range(0, batches)
			.concatMap((batch) -> delivery.enqueue("l", new PacedBatch(List.of(), done(batch), Duration.ZERO)))
			.blockLast(Duration.ofMinutes(10));
		redis.delete(lease).block(WAIT);
		delivery.drain("l").block(Duration.ofMinutes(10));
		List<String> expected = new ArrayList<>();
		for (int batch = 0; batch < batches; batch++) {
			expected.add("batch" + batch);
		}
		assertThat(recording.missing).containsExactlyElementsOf(expected);
		assertThat(redis.hasKey(lease).block(WAIT)).isFalse();
	}

	/**
	 * A backlog of batches without pauses is taken and published a run at a time, one
	 * round trip each; a paced batch in between is taken alone and keeps its place.
	 */
	@Test
	void runsOfUnpausedBatchesArePublishedTogetherInQueueOrder() throws Exception {
		var redis = this.connections.template();
		String lease = this.connections.keys.deliverer("u");
		redis.opsForValue().set(lease, "another instance").block(WAIT);
		LettuceConnectionFactory recorded = this.connections.factory();
		RedisCommandRecorder commands = RedisCommandRecorder.attachTo(recorded.getNativeClient());
		RedisPacedDelivery delivery = new RedisPacedDelivery(new ReactiveStringRedisTemplate(recorded), this.broadcastB,
				this.connections.keys, Duration.ofSeconds(30), MAX_QUEUED);
		BlockingQueue<HandshakeEvent> seen = new LinkedBlockingQueue<>();
		Disposable watching = this.broadcastA.subscribe("u", HandshakeEvent.heartbeat()).subscribe(seen::add);
		try {
			seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			for (int batch = 0; batch < 12; batch++) {
				Duration pause = (batch == 5) ? Duration.ofMillis(10) : Duration.ZERO;
				delivery.enqueue("u", new PacedBatch(actions(batch, 2), done(batch), pause)).block(WAIT);
			}
			int before = commands.sent().size();
			redis.delete(lease).block(WAIT);
			delivery.drain("u").block(WAIT);
			for (int batch = 0; batch < 12; batch++) {
				List<HandshakeEvent> expected = new ArrayList<>(actions(batch, 2));
				expected.add(done(batch));
				for (HandshakeEvent event : expected) {
					assertThat(seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS).frame()).isEqualTo(event.frame());
				}
			}
			assertThat(commands.sent().subList(before, commands.sent().size()))
				.as("scripts: the first run, the paced batch, the second run, the empty list")
				.filteredOn("EVALSHA"::equals)
				.hasSize(4);
		}
		finally {
			watching.dispose();
		}
	}

	private RedisSessionBroadcast broadcast() {
		return new RedisSessionBroadcast(this.connections.factory(), Duration.ofSeconds(5), this.connections.keys,
				Duration.ofMillis(500), Duration.ofMinutes(5));
	}

	/**
	 * A broadcast that notes when it is asked to publish each event, then hands the event
	 * on.
	 */
	private static final class RecordingBroadcast implements SessionBroadcast {

		private final SessionBroadcast broadcast;

		private final List<Long> published = new CopyOnWriteArrayList<>();

		private final List<String> missing = new CopyOnWriteArrayList<>();

		RecordingBroadcast(SessionBroadcast broadcast) {
			this.broadcast = broadcast;
		}

		@Override
		public Mono<Void> publish(String sessionId, HandshakeEvent event) {
			return Mono.defer(() -> {
				this.published.add(System.nanoTime());
				if (event.type().equals("done")) {
					this.missing.add(event.frame().path("missing").path(0).asString());
				}
				return this.broadcast.publish(sessionId, event);
			});
		}

		@Override
		public Flux<HandshakeEvent> subscribe(String sessionId) {
			return this.broadcast.subscribe(sessionId);
		}

		@Override
		public Mono<Integer> connections(String sessionId) {
			return this.broadcast.connections(sessionId);
		}

	}

	private static List<HandshakeEvent> actions(int batch, int count) {
		List<HandshakeEvent> actions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			actions.add(HandshakeEvent.action("b" + batch + "k" + i, JsonNodeFactory.instance.numberNode(i)));
		}
		return actions;
	}

	private static HandshakeEvent done(int batch) {
		return HandshakeEvent.done(3, List.of(), List.of("batch" + batch));
	}

}
