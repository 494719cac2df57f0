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

package io.github.agentprotocols.acp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadUpdated;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AcpClusterRelayTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final AtomicInteger failingReplays = new AtomicInteger();

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC()) {

		@Override
		public Mono<Replay> replay(String threadId, @Nullable Cursor since, int cap) {
			return Mono.defer(() -> (AcpClusterRelayTests.this.failingReplays.getAndDecrement() > 0)
					? Mono.error(new IllegalStateException("database unavailable"))
					: super.replay(threadId, since, cap));
		}

	};

	private final Identity alice = Identity.user("alice", "Alice");

	private final AcpThread thread = this.store.createThread(NewThread.withTenant(null), this.alice).block().thread();

	private final ClusterBus bus = new ClusterBus();

	private final ClusterBus.Channel channelA = this.bus.channel();

	private final ClusterBus.Channel channelB = this.bus.channel();

	private final RecordingClusterListener listenerA = new RecordingClusterListener();

	private final RecordingClusterListener listenerB = new RecordingClusterListener();

	private final AcpClusterRelay relayA = relay(this.channelA, this.listenerA);

	private final AcpClusterRelay relayB = relay(this.channelB, this.listenerB);

	@AfterEach
	void stop() {
		this.relayA.stop();
		this.relayB.stop();
	}

	@Test
	void broadcastOfOneInstanceReachesTheOthersOnly() {
		Event event = commitOnA("hi");
		this.relayA.onBroadcast(new ThreadUpdated(this.thread));
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 2);
		assertThat(this.listenerB.remote).containsExactly(new EventAppended(event), new ThreadUpdated(this.thread));
		assertThat(this.listenerA.remote).isEmpty();
		assertThat(this.relayA.node()).isNotEqualTo(this.relayB.node());
	}

	@Test
	void messageRepeatedOnTheChannelIsDeliveredOnce() {
		Event event = append("hi");
		String message = ClusterMessage.write("node-x", 1, new EventAppended(event), 7_900, Map.of());
		this.bus.send(message);
		this.bus.send(message);
		this.bus.send(ClusterMessage.write("node-x", 2, new ThreadUpdated(this.thread), 7_900, Map.of()));
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 2);
		assertThat(this.listenerB.remote).containsExactly(new EventAppended(event), new ThreadUpdated(this.thread));
	}

	@Test
	void eventsMissedWhileTheChannelWasLostAreCaughtUpOnceAfterReconnecting() {
		this.listenerB.watched.add(this.thread.id());
		Event before = commitOnA("before");
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 1);
		this.channelB.cut();
		assertThat(this.relayB.isListening()).isFalse();
		Event missed1 = commitOnA("missed 1");
		Event localOnB = append("local on B");
		this.relayB.onBroadcast(new EventAppended(localOnB));
		Event missed2 = commitOnA("missed 2");
		await().atMost(WAIT).until(this.relayB::isListening);
		Event after = commitOnA("after");
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(after.id()));
		assertThat(this.listenerB.remoteEventIds(this.thread.id())).containsExactly(before.id(), missed1.id(),
				missed2.id(), after.id());
	}

	@Test
	void eventOfAnotherInstanceInFlightAtTheLossIsCaughtUpThoughOlderThanTheLastDelivered() {
		this.listenerB.watched.add(this.thread.id());
		Event inFlight = append("committed on A, not yet relayed");
		Event localOnB = append("local on B, newer");
		this.relayB.onBroadcast(new EventAppended(localOnB));
		this.channelB.cut();
		this.relayA.onBroadcast(new EventAppended(inFlight));
		await().atMost(WAIT).until(this.relayB::isListening);
		Event after = commitOnA("after");
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(after.id()));
		assertThat(this.listenerB.remoteEventIds(this.thread.id())).containsExactly(inFlight.id(), after.id());
	}

	@Test
	void eventsCommittedBeforeTheFirstConnectionAreCaughtUpForTheRoomsJoinedMeanwhile() {
		RecordingClusterListener listenerC = new RecordingClusterListener();
		listenerC.watched.add(this.thread.id());
		ClusterBus.Channel channelC = this.bus.channel().refuseConnections(true);
		AcpClusterRelay relayC = new AcpClusterRelay(channelC, this.store, () -> List.of(listenerC), Clock.systemUTC());
		try {
			relayC.start();
			Event missed = commitOnA("before C first listened");
			await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 1);
			assertThat(relayC.isListening()).isFalse();
			channelC.refuseConnections(false);
			await().atMost(WAIT).until(relayC::isListening);
			// the catch-up starts a clock margin before the start: thread.created comes
			// too
			await().atMost(WAIT).until(() -> listenerC.remoteEventIds(this.thread.id()).contains(missed.id()));
			assertThat(listenerC.remoteEventIds(this.thread.id())).doesNotHaveDuplicates();
		}
		finally {
			relayC.stop();
		}
	}

	@Test
	void ownEventCommittedButNotYetDeliveredAtTheCatchUpIsNotDeliveredAsAnotherInstances() {
		this.listenerB.watched.add(this.thread.id());
		DefaultAcpBroadcaster funnelB = new DefaultAcpBroadcaster(this.relayB);
		this.relayB.setBroadcaster(funnelB);
		Sinks.Empty<Void> delivery = Sinks.empty();
		Event local = draft("local on B, committed, its delivery held");
		funnelB
			.publish(this.thread.id(), this.store.append(local).delayUntil((append) -> delivery.asMono()),
					(append) -> List.of(new EventAppended(local)))
			.subscribe();
		await().atMost(WAIT).until(() -> eventIds().contains(local.id()));
		this.channelB.cut();
		Event missed = commitOnA("missed");
		await().atMost(WAIT).until(this.relayB::isListening);
		delivery.tryEmitEmpty();
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(missed.id()));
		// the catch-up starts a clock margin before the loss: thread.created comes too
		assertThat(this.listenerB.remoteEventIds(this.thread.id())).doesNotContain(local.id()).doesNotHaveDuplicates();
	}

	@Test
	void catchUpThatCannotReadTheStoreIsTriedAgainOnANewConnection() {
		this.listenerB.watched.add(this.thread.id());
		Event before = commitOnA("before");
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 1);
		this.failingReplays.set(100);
		this.channelB.cut();
		Event missed = commitOnA("missed while the database was away too");
		// the first catch-up and its retries fail
		await().atMost(WAIT).until(() -> this.failingReplays.get() < 96);
		this.failingReplays.set(0);
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(missed.id()));
		assertThat(this.listenerB.remoteEventIds(this.thread.id())).containsExactly(before.id(), missed.id());
		await().atMost(WAIT).until(this.relayB::isListening);
	}

	@Test
	void eachReconnectionAfterRepeatedLossesWaitsTheFirstBackoffOnly() {
		// without the reset the backoff doubles: the fifth would wait 8 to 24 s
		for (int loss = 1; loss <= 5; loss++) {
			this.channelB.cut();
			await().atMost(Duration.ofSeconds(5)).until(this.relayB::isListening);
		}
	}

	@Test
	void messageWhoseSendFailedIsSentAgain() {
		this.channelA.failSends(2);
		Event event = commitOnA("sent on the third attempt");
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(event.id()));
		assertThat(this.listenerB.remoteEventIds(this.thread.id())).containsExactly(event.id());
	}

	@Test
	void writeIsAnsweredOnceItsBroadcastWasSentToTheOtherInstances() {
		DefaultAcpBroadcaster funnelA = new DefaultAcpBroadcaster(this.relayA);
		Sinks.Empty<Void> sends = this.channelA.holdSends();
		Event event = draft("answered once relayed");
		AtomicBoolean answered = new AtomicBoolean();
		funnelA.publish(this.thread.id(), this.store.append(event)).subscribe((append) -> answered.set(true));
		await().atMost(WAIT).until(() -> eventIds().contains(event.id()));
		assertThat(answered).as("answered before the broadcast was sent").isFalse();
		sends.tryEmitEmpty();
		await().atMost(WAIT).untilTrue(answered);
		await().atMost(WAIT).until(() -> this.listenerB.remoteEventIds(this.thread.id()).contains(event.id()));
	}

	@Test
	void stoppedRelayNeitherListensNorSends() {
		RecordingClusterListener listenerC = new RecordingClusterListener();
		AcpClusterRelay relayC = relay(this.bus.channel(), listenerC);
		try {
			this.relayB.stop();
			assertThat(this.channelB.isConnected()).isFalse();
			assertThat(this.relayB.isRunning()).isFalse();
			this.relayB.onBroadcast(new ThreadUpdated(this.thread));
			Event event = commitOnA("after B stopped");
			await().atMost(WAIT).until(() -> !listenerC.remote.isEmpty());
			assertThat(listenerC.remote).containsExactly(new EventAppended(event));
			assertThat(this.listenerB.remote).isEmpty();
		}
		finally {
			relayC.stop();
		}
	}

	private Event commitOnA(String text) {
		Event event = append(text);
		this.relayA.onBroadcast(new EventAppended(event));
		return event;
	}

	private Event append(String text) {
		return this.store.append(draft(text)).block().event();
	}

	private Event draft(String text) {
		return new EventDraft(null, List.of(new ContentPart.Text(text)), Map.of()).toEvent(AcpIds.event(),
				this.thread.id(), this.alice, Instant.now());
	}

	private List<String> eventIds() {
		return this.store.replay(this.thread.id(), null, 1_000).block().events().stream().map(Event::id).toList();
	}

	private AcpClusterRelay relay(ClusterBus.Channel channel, RecordingClusterListener listener) {
		AcpClusterRelay relay = new AcpClusterRelay(channel, this.store, () -> List.of(listener), Clock.systemUTC());
		relay.start();
		await().atMost(WAIT).until(relay::isListening);
		return relay;
	}

}
