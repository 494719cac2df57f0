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

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An action request is answered as its own outcome says also when the place reserved for
 * its batch cannot be given up, as when the store's Redis master is switched over under
 * it: the place frees itself when its reservation lapses. Before, Reactor's cleanup
 * failure hid the store's outage and the request was answered {@code 500}.
 */
class ActionPlaceReleaseTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	private final AtomicInteger releases = new AtomicInteger();

	@Test
	void storeOutageIsAnsweredAsSuchWhenThePlaceCannotBeReleased() {
		InMemorySessionStore store = new InMemorySessionStore(10, 0, this.clock) {

			@Override
			public Mono<AgentWrites> writeAsAgent(String sessionId, List<AgentWrites.Write> writes,
					HandshakeSession.WritePolicy policy, Instant now, boolean copySession) {
				return Mono.error(new SessionStoreUnavailableException("Redis is unreachable: Connection reset by peer",
						new IllegalStateException("Connection reset by peer")));
			}

		};
		assertThatExceptionOfType(SessionStoreUnavailableException.class)
			.isThrownBy(() -> action(manager(store)).block());
		assertThat(this.releases).as("releases tried").hasValue(1);
	}

	@Test
	void rejectedActionIsAnsweredAsSuchWhenThePlaceCannotBeReleased() {
		HandshakeManager manager = manager(new InMemorySessionStore(10, 0, this.clock));
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> manager
				.action("s1", "token", Mono.just(nodes.objectNode().put("actions", "none")), HandshakeRequest.none())
				.block())
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400));
		assertThat(this.releases).as("releases tried").hasValue(1);
	}

	private HandshakeManager manager(InMemorySessionStore store) {
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		LocalPacedDelivery local = new LocalPacedDelivery(broadcast, 100);
		PacedDelivery unreleasable = new PacedDelivery() {

			@Override
			public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
				return local.enqueue(sessionId, batch);
			}

			@Override
			public Mono<Slot> reserve(String sessionId) {
				return local.reserve(sessionId).map(UnreleasableSlot::new);
			}

		};
		HandshakeManager manager = HandshakeManager.builder(store, broadcast, unreleasable).clock(this.clock).build();
		HandshakeSettings settings = HandshakeSettings.defaults();
		store.create(HandshakeSession.open("s1", "token", nodes.stringNode("default"), nodes.arrayNode(),
				nodes.objectNode(), nodes.objectNode(), settings.ttl(), settings.maxLifetime(), this.clock.instant()))
			.block();
		return manager;
	}

	private static Mono<ObjectNode> action(HandshakeManager manager) {
		ObjectNode body = nodes.objectNode().put("stream", false);
		body.putArray("actions").addObject().put("type", "set").put("key", "name").put("value", "Ann");
		return manager.action("s1", "token", Mono.just(body), HandshakeRequest.none());
	}

	/**
	 * A place whose release fails as a command on a connection reset does.
	 */
	private final class UnreleasableSlot implements PacedDelivery.Slot {

		private final PacedDelivery.Slot slot;

		UnreleasableSlot(PacedDelivery.Slot slot) {
			this.slot = slot;
		}

		@Override
		public Mono<Void> fill(PacedBatch batch) {
			return this.slot.fill(batch);
		}

		@Override
		public Mono<Void> release() {
			return Mono.defer(() -> {
				ActionPlaceReleaseTests.this.releases.incrementAndGet();
				return Mono.error(new IllegalStateException("Connection reset by peer"));
			});
		}

	}

}
