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
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.engine.BroadcastObservations;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.observation.ClusterPublishObservationContext;
import io.github.agentprotocols.acp.observation.ClusterReceiveObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay observes each message it sends as {@code acp.cluster.publish}, a child of the
 * observation current when the broadcast was handed to it, and writes the trace into the
 * message through the sender context's setter; the receiving instance observes
 * {@code acp.cluster.receive}, reading the trace through the receiver context's getter,
 * and the delivery as a remote {@code acp.broadcast} below it.
 */
class ClusterRelayObservationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final Identity alice = Identity.user("alice", "Alice");

	private final AcpThread thread = this.store.createThread(NewThread.withTenant(null), this.alice).block().thread();

	private final ClusterBus bus = new ClusterBus();

	private final TestObservationRegistry registryA = TestObservationRegistry.create();

	private final TestObservationRegistry registryB = TestObservationRegistry.create();

	private final List<String> tracesRead = new CopyOnWriteArrayList<>();

	private final RecordingClusterListener listenerB = new RecordingClusterListener();

	private final AcpClusterRelay relayA;

	private final AcpClusterRelay relayB;

	ClusterRelayObservationTests() {
		this.registryA.observationConfig().observationHandler(new TraceWriter());
		this.registryB.observationConfig().observationHandler(new TraceReader());
		this.relayA = relay(this.registryA, new RecordingClusterListener());
		this.relayB = relay(this.registryB, this.listenerB);
	}

	@AfterEach
	void stop() {
		this.relayA.stop();
		this.relayB.stop();
	}

	@Test
	void messageCarriesTheTraceFromTheSendersObservationToTheReceiversDelivery() {
		Event event = append("hi");
		Observation delivery = Observation.start("delivery", this.registryA);
		try (Observation.Scope scope = delivery.openScope()) {
			this.relayA.onBroadcast(new EventAppended(event));
		}
		delivery.stop();
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 1);
		await().atMost(WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registryA)
				.hasObservationWithNameEqualTo("acp.cluster.publish")
				.that()
				.hasBeenStopped()
				.hasParentObservationEqualTo(delivery)
				.hasLowCardinalityKeyValue("acp.cluster.transport", "test")
				.hasLowCardinalityKeyValue("acp.cluster.message.type", "event")
				.hasHighCardinalityKeyValue("acp.thread.id", this.thread.id())
				.hasHighCardinalityKeyValue("acp.cluster.origin", this.relayA.node()));
		await().atMost(WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registryB)
				.hasObservationWithNameEqualTo("acp.cluster.receive")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("acp.cluster.message.type", "event")
				.hasHighCardinalityKeyValue("acp.thread.id", this.thread.id())
				.hasHighCardinalityKeyValue("acp.cluster.origin", this.relayA.node())
				.backToTestObservationRegistry()
				.hasObservationWithNameEqualTo("acp.broadcast")
				.that()
				.hasBeenStopped()
				.hasParentObservationContextMatching((parent) -> "acp.cluster.receive".equals(parent.getName()))
				.hasLowCardinalityKeyValue("acp.broadcast.type", "event")
				.hasLowCardinalityKeyValue("acp.broadcast.origin", "remote")
				.hasLowCardinalityKeyValue("acp.event.type", "message"));
		assertThat(this.tracesRead).containsExactly(TRACE);
	}

	@Test
	void messageWithoutTraceIsReceivedAndObserved() {
		Event event = append("old");
		this.bus.send(ClusterMessage.write("node-old", 1, new EventAppended(event), 7_900, Map.of()));
		await().atMost(WAIT).until(() -> this.listenerB.remote.size() == 1);
		await().atMost(WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registryB)
				.hasObservationWithNameEqualTo("acp.cluster.receive")
				.that()
				.hasBeenStopped()
				.hasHighCardinalityKeyValue("acp.cluster.origin", "node-old"));
		assertThat(this.tracesRead).containsExactly("none");
	}

	private Event append(String text) {
		Event event = new EventDraft(null, List.of(new ContentPart.Text(text)), Map.of()).toEvent(AcpIds.event(),
				this.thread.id(), this.alice, Instant.now());
		return this.store.append(event).block().event();
	}

	private AcpClusterRelay relay(TestObservationRegistry registry, RecordingClusterListener listener) {
		AcpClusterRelay relay = new AcpClusterRelay(this.bus.channel(), this.store, () -> List.of(listener),
				Clock.systemUTC());
		relay.setObservations(new ClusterObservations(registry, null, null, new BroadcastObservations(registry, null)));
		relay.start();
		await().atMost(WAIT).until(relay::isListening);
		return relay;
	}

	/**
	 * Writes a trace through the sender context's setter, as a tracer's propagating
	 * handler does.
	 */
	private static final class TraceWriter implements ObservationHandler<ClusterPublishObservationContext> {

		@Override
		public void onStart(ClusterPublishObservationContext context) {
			context.getSetter().set(context.getCarrier(), "traceparent", TRACE);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ClusterPublishObservationContext;
		}

	}

	/**
	 * Reads the trace through the receiver context's getter, as a tracer's propagating
	 * handler does.
	 */
	private final class TraceReader implements ObservationHandler<ClusterReceiveObservationContext> {

		@Override
		public void onStart(ClusterReceiveObservationContext context) {
			String trace = context.getGetter().get(context.getCarrier(), "traceparent");
			ClusterRelayObservationTests.this.tracesRead.add((trace != null) ? trace : "none");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ClusterReceiveObservationContext;
		}

	}

}
