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

package io.github.agentprotocols.acp.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DefaultAcpBroadcaster}: the per-thread lanes of the broadcast funnel.
 */
class DefaultAcpBroadcasterTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final Identity alice = Identity.user("alice", "Alice");

	private final RecordingBroadcastListener listener = new RecordingBroadcastListener();

	private final DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(this.listener);

	@Test
	void deliversTheWritesNotificationsBeforeEmittingItsResult() {
		Event event = message("th_1");
		List<AcpBroadcast> seenByCaller = new ArrayList<>();
		EventAppend append = this.broadcaster.publish("th_1", Mono.just(new EventAppend(event, true)))
			.doOnNext((result) -> seenByCaller.addAll(this.listener.received()))
			.block(WAIT);
		assertThat(append.event()).isEqualTo(event);
		assertThat(seenByCaller).containsExactly(new AcpBroadcast.EventAppended(event));
	}

	@Test
	void deliversNothingForAnEmptyOrFailedWriteAndPassesItOn() {
		assertThat(this.broadcaster.publish("th_1", Mono.<EventAppend>empty()).blockOptional(WAIT)).isEmpty();
		assertThatIllegalStateException()
			.isThrownBy(() -> this.broadcaster.publish("th_1", Mono.<EventAppend>error(new IllegalStateException("x")))
				.block(WAIT))
			.withMessage("x");
		assertThat(this.listener.received()).isEmpty();
		assertThat(this.broadcaster.publish("th_1", Mono.just(new EventAppend(message("th_1"), true))).block(WAIT))
			.isNotNull();
		assertThat(this.listener.received()).hasSize(1);
	}

	@Test
	void aDeduplicatedAppendBroadcastsNothing() {
		this.broadcaster.publish("th_1", Mono.just(new EventAppend(message("th_1"), false))).block(WAIT);
		assertThat(this.listener.received()).isEmpty();
	}

	@Test
	void aFailingListenerNeitherFailsTheWriteNorStopsTheOtherListeners() {
		RecordingBroadcastListener second = new RecordingBroadcastListener();
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster((broadcast) -> {
			throw new IllegalStateException("listener down");
		}, second);
		Event event = message("th_1");
		assertThat(broadcaster.publish("th_1", Mono.just(new EventAppend(event, true))).block(WAIT)).isNotNull();
		assertThat(second.received()).containsExactly(new AcpBroadcast.EventAppended(event));
	}

	@Test
	void answersAWriteOnceTheListenersPassedItsBroadcastsOn() {
		Sinks.Empty<Void> passedOn = Sinks.empty();
		AcpBroadcastListener relay = new AcpBroadcastListener() {

			@Override
			public void onBroadcast(AcpBroadcast broadcast) {
			}

			@Override
			public Mono<Void> passedOn() {
				return passedOn.asMono();
			}

		};
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(this.listener, relay);
		AtomicBoolean answered = new AtomicBoolean();
		broadcaster.publish("th_1", Mono.just(new EventAppend(message("th_1"), true)))
			.subscribe((append) -> answered.set(true));
		assertThat(this.listener.received()).hasSize(1);
		assertThat(answered).as("answered before the relay sent the broadcast").isFalse();
		passedOn.tryEmitEmpty();
		assertThat(answered).isTrue();
		assertThat(broadcaster.publish("th_1", Mono.just(new EventAppend(message("th_1"), false))).block(WAIT))
			.as("a write without broadcasts does not wait")
			.isNotNull();
	}

	@Test
	void aListenerThatFailsToPassBroadcastsOnDoesNotFailTheWrite() {
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(new AcpBroadcastListener() {

			@Override
			public void onBroadcast(AcpBroadcast broadcast) {
			}

			@Override
			public Mono<Void> passedOn() {
				throw new IllegalStateException("relay down");
			}

		}, this.listener);
		assertThat(broadcaster.publish("th_1", Mono.just(new EventAppend(message("th_1"), true))).block(WAIT))
			.isNotNull();
		assertThat(this.listener.received()).hasSize(1);
	}

	@Test
	void writesOfOneThreadRunOneAtATimeInSubscriptionOrder() {
		Sinks.Empty<Void> firstMayCommit = Sinks.empty();
		AtomicBoolean secondStarted = new AtomicBoolean();
		Event first = message("th_1");
		Event second = message("th_1");
		Mono<EventAppend> firstWrite = this.broadcaster.publish("th_1",
				firstMayCommit.asMono().thenReturn(new EventAppend(first, true)));
		Mono<EventAppend> secondWrite = this.broadcaster.publish("th_1",
				Mono.fromSupplier(() -> new EventAppend(second, true)).doOnSubscribe((s) -> secondStarted.set(true)));
		firstWrite.subscribe();
		secondWrite.subscribe();
		assertThat(secondStarted).as("the second write waits for the first").isFalse();
		firstMayCommit.tryEmitEmpty();
		await().atMost(WAIT).until(() -> this.listener.received().size() == 2);
		assertThat(this.listener.events("th_1")).containsExactly(first, second);
	}

	@Test
	void writesWaitingBehindAnotherStartOnTheSchedulerOnceAndRunThereInOrder() {
		AtomicInteger handOffs = new AtomicInteger();
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(() -> List.of(this.listener),
				Schedulers.fromExecutor((task) -> {
					handOffs.incrementAndGet();
					Schedulers.boundedElastic().schedule(task);
				}));
		Sinks.Empty<Void> firstMayCommit = Sinks.empty();
		Event first = message("th_1");
		broadcaster.publish("th_1", firstMayCommit.asMono().thenReturn(new EventAppend(first, true))).subscribe();
		List<Event> waiting = IntStream.range(0, 200).mapToObj((i) -> message("th_1")).toList();
		List<String> threads = Collections.synchronizedList(new ArrayList<>());
		waiting.forEach((event) -> broadcaster.publish("th_1", Mono.fromSupplier(() -> {
			threads.add(Thread.currentThread().getName());
			return new EventAppend(event, true);
		})).subscribe());
		firstMayCommit.tryEmitEmpty();
		await().atMost(WAIT).until(() -> this.listener.received().size() == 201);
		List<Event> all = new ArrayList<>(List.of(first));
		all.addAll(waiting);
		assertThat(this.listener.events("th_1")).containsExactlyElementsOf(all);
		assertThat(handOffs).as("hand-offs to the scheduler").hasValue(1);
		assertThat(threads).hasSize(200).containsOnly(threads.get(0));
	}

	@Test
	void aWriteThatEndsLaterStartsTheOneBehindIt() {
		Sinks.Empty<Void> secondMayCommit = Sinks.empty();
		Event first = message("th_1");
		Event second = message("th_1");
		Event third = message("th_1");
		Sinks.Empty<Void> firstMayCommit = Sinks.empty();
		this.broadcaster.publish("th_1", firstMayCommit.asMono().thenReturn(new EventAppend(first, true))).subscribe();
		this.broadcaster
			.publish("th_1",
					secondMayCommit.asMono().publishOn(Schedulers.parallel()).thenReturn(new EventAppend(second, true)))
			.subscribe();
		Mono<EventAppend> thirdWrite = this.broadcaster.publish("th_1", Mono.just(new EventAppend(third, true)));
		thirdWrite.subscribe();
		firstMayCommit.tryEmitEmpty();
		await().atMost(WAIT).until(() -> this.listener.received().size() == 1);
		assertThat(this.listener.events("th_1")).containsExactly(first);
		secondMayCommit.tryEmitEmpty();
		await().atMost(WAIT).until(() -> this.listener.received().size() == 3);
		assertThat(this.listener.events("th_1")).containsExactly(first, second, third);
	}

	@Test
	void readsOfOneThreadRunBesideEachOther() {
		AtomicBoolean secondStarted = new AtomicBoolean();
		this.broadcaster.read("th_1", Mono.never()).subscribe();
		Mono<String> second = this.broadcaster.read("th_1",
				Mono.just("second").doOnSubscribe((s) -> secondStarted.set(true)));
		assertThat(second.block(WAIT)).isEqualTo("second");
		assertThat(secondStarted).isTrue();
	}

	@Test
	void aReadWaitsForTheWritesBeforeItAndAWriteForTheReadsBeforeIt() {
		List<String> started = Collections.synchronizedList(new ArrayList<>());
		Sinks.Empty<Void> firstWriteMayEnd = Sinks.empty();
		Sinks.Empty<Void> readsMayEnd = Sinks.empty();
		Event first = message("th_1");
		Event second = message("th_1");
		this.broadcaster.publish("th_1", firstWriteMayEnd.asMono().thenReturn(new EventAppend(first, true)))
			.subscribe();
		this.broadcaster.read("th_1", step("read 1", started).then(readsMayEnd.asMono())).subscribe();
		this.broadcaster.read("th_1", step("read 2", started).then(readsMayEnd.asMono())).subscribe();
		this.broadcaster.publish("th_1", step("write 2", started).thenReturn(new EventAppend(second, true)))
			.subscribe();
		Mono<String> lastRead = this.broadcaster.read("th_1", step("read 3", started)).cache();
		lastRead.subscribe();
		assertThat(started).as("all wait for the first write").isEmpty();
		firstWriteMayEnd.tryEmitEmpty();
		await().atMost(WAIT).until(() -> started.size() == 2);
		assertThat(started).as("the reads start side by side, the write waits for them")
			.containsExactly("read 1", "read 2");
		readsMayEnd.tryEmitEmpty();
		assertThat(lastRead.block(WAIT)).isEqualTo("read 3");
		assertThat(started).containsExactly("read 1", "read 2", "write 2", "read 3");
		assertThat(this.listener.events("th_1")).containsExactly(first, second);
	}

	@Test
	void writesOfOtherThreadsDoNotWait() {
		this.broadcaster.publish("th_1", Mono.<EventAppend>never()).subscribe();
		Event other = message("th_2");
		assertThat(this.broadcaster.publish("th_2", Mono.just(new EventAppend(other, true))).block(WAIT)).isNotNull();
		assertThat(this.listener.events("th_2")).containsExactly(other);
	}

	@Test
	void aWriteWhoseCallerCancelsStillRunsAndIsDelivered() {
		Sinks.Empty<Void> mayCommit = Sinks.empty();
		Event event = message("th_1");
		this.broadcaster.publish("th_1", mayCommit.asMono().thenReturn(new EventAppend(event, true)))
			.subscribe()
			.dispose();
		mayCommit.tryEmitEmpty();
		assertThat(this.listener.events("th_1")).containsExactly(event);
	}

	@Test
	void concurrentWritesToOneThreadAreDeliveredInTheirCommitOrder() {
		AtomicInteger clock = new AtomicInteger();
		List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
		Flux.range(0, 500).flatMap((i) -> this.broadcaster.publish("th_1", Mono.fromSupplier(() -> {
			int tick = clock.incrementAndGet();
			committed.add(tick);
			return tick;
		}).subscribeOn(Schedulers.parallel()), (tick) -> List
			.of(new AcpBroadcast.EventAppended(message("th_1").withCreatedAt(Instant.EPOCH.plusSeconds(tick))))), 500)
			.blockLast(WAIT);
		List<Integer> delivered = this.listener.events("th_1")
			.stream()
			.map((event) -> (int) event.createdAt().getEpochSecond())
			.toList();
		assertThat(delivered).hasSize(500).isEqualTo(committed).isSorted();
		assertThat(delivered).containsExactlyElementsOf(IntStream.rangeClosed(1, 500).boxed().toList());
	}

	@Test
	void notificationsWithoutAWriteAreDeliveredInOrder() {
		AcpThread thread = new AcpThread("th_1", TenantScope.PUBLIC, Map.of(), Instant.EPOCH, Instant.EPOCH);
		List<AcpBroadcast> broadcasts = List.of(new AcpBroadcast.ThreadUpdated(thread),
				new AcpBroadcast.MembersUpdated("th_1", List.of(alice)),
				new AcpBroadcast.ThreadRemoved(thread, AcpBroadcast.ThreadRemoved.Reason.MEMBER_REMOVED, "alice"));
		this.broadcaster.broadcast("th_1", broadcasts).block(WAIT);
		assertThat(this.listener.received()).isEqualTo(broadcasts);
	}

	private static Mono<String> step(String name, List<String> started) {
		return Mono.fromSupplier(() -> {
			started.add(name);
			return name;
		});
	}

	private static Event message(String threadId) {
		return new EventDraft(null, List.of(new ContentPart.Text("hi")), null).toEvent(AcpIds.event(), threadId, alice,
				Instant.now());
	}

}
