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

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpBroadcast.MembersUpdated;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broadcaster observes each broadcast's delivery as {@code acp.broadcast}, a child of
 * the observation current in the Reactor context of the publication, in scope while the
 * listeners are called.
 */
class BroadcastObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<Observation> seenByListener = new CopyOnWriteArrayList<>();

	private final DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(
			(broadcast) -> this.seenByListener.add(this.registry.getCurrentObservation()));

	@Test
	void deliveryOfAnAppendedEventIsAChildOfThePublication() {
		this.broadcaster.setObservations(new BroadcastObservations(this.registry, null));
		InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());
		Observation publication = Observation.start("publication", this.registry);
		String threadId = ReactiveObservations
			.asParent(publication,
					this.broadcaster.publish("lane",
							store.createThread(NewThread.withTenant(null), Identity.user("alice", "Alice"))))
			.block()
			.thread()
			.id();
		publication.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("acp.broadcast")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasParentObservationEqualTo(publication)
			.hasContextualNameEqualTo("acp.broadcast event")
			.hasLowCardinalityKeyValue("acp.broadcast.type", "event")
			.hasLowCardinalityKeyValue("acp.broadcast.origin", "local")
			.hasLowCardinalityKeyValue("acp.event.type", "thread.created")
			.hasHighCardinalityKeyValue("acp.thread.id", threadId);
		assertThat(this.seenByListener).isNotEmpty()
			.allSatisfy((current) -> assertThat(current.getContext().getName()).isEqualTo("acp.broadcast"));
	}

	@Test
	void notificationWithoutEventHasNoEventType() {
		this.broadcaster.setObservations(new BroadcastObservations(this.registry, null));
		this.broadcaster.broadcast("t1", List.<AcpBroadcast>of(new MembersUpdated("t1", List.of()))).block();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("acp.broadcast")
			.that()
			.doesNotHaveParentObservation()
			.hasLowCardinalityKeyValue("acp.broadcast.type", "members:updated")
			.hasLowCardinalityKeyValue("acp.event.type", "none");
	}

	@Test
	void deliveriesAreNotObservedByDefault() {
		this.broadcaster.broadcast("t1", List.<AcpBroadcast>of(new MembersUpdated("t1", List.of()))).block();
		assertThat(this.seenByListener).singleElement()
			.satisfies((current) -> assertThat(current == null || current.isNoop()).isTrue());
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

}
