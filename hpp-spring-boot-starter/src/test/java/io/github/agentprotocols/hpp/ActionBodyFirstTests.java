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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.testsupport.SimulatedClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An action whose token the store knows the session's schema for
 * ({@link SessionStore#knownSchema}) has its body read and checked first, then is
 * admitted with its writes in one step ({@link SessionStore#admitWrites}); any other
 * token, a body that cannot be parsed, and a server with action hooks keep the admission
 * first, with the answers they had.
 */
class ActionBodyFirstTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

	private final List<String> steps = new CopyOnWriteArrayList<>();

	private final InMemorySessionStore store = new InMemorySessionStore(10, 0, this.clock) {

		@Override
		public @Nullable ArrayNode knownSchema(String sessionId, @Nullable String token) {
			return "token".equals(token) ? nodes.arrayNode().add(nodes.objectNode().put("key", "name")) : null;
		}

		@Override
		public <T> Mono<Admission.Admitted<PacedDelivery.Reserved<T>>> admitAction(String sessionId,
				Admission admission, BiFunction<HandshakeSession, Instant, T> work, PacedDelivery delivery) {
			ActionBodyFirstTests.this.steps.add("admit");
			return super.admitAction(sessionId, admission, work, delivery);
		}

		@Override
		public Mono<Admission.Admitted<PacedDelivery.Reserved<AgentWrites>>> admitWrites(String sessionId,
				Admission admission, List<AgentWrites.Write> writes, HandshakeSession.WritePolicy policy,
				boolean copySession, AgentWrites.UnpacedBatch batch, PacedDelivery delivery) {
			ActionBodyFirstTests.this.steps.add("admit with writes");
			return super.admitWrites(sessionId, admission, writes, policy, copySession, batch, delivery);
		}

	};

	@Test
	void knownTokenHasItsBodyReadFirstAndIsAdmittedWithItsWrites() {
		ObjectNode answer = manager(Hooks.none(), 60).action("s1", "token", body("name"), HandshakeRequest.none())
			.block();
		assertThat(answer.get("applied")).containsExactly(nodes.stringNode("name"));
		assertThat(this.steps).containsExactly("body", "admit with writes", "admit");
	}

	@Test
	void otherTokenIsRefusedBeforeTheBodyIsRead() {
		HandshakeManager manager = manager(Hooks.none(), 60);
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> manager.action("s1", "wrong", body("name"), HandshakeRequest.none()).block())
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
		assertThat(this.steps).containsExactly("admit");
	}

	@Test
	void unparsableBodyIsRefusedAfterTheAdmissionAsBefore() {
		HandshakeManager manager = manager(Hooks.none(), 1);
		Mono<ObjectNode> unparsable = Mono.just(nodes.objectNode().put("actions", 5));
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> manager.action("s1", "token", unparsable, HandshakeRequest.none()).block())
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400));
		assertThatExceptionOfType(HandshakeException.class)
			.as("the budget is spent: the rate is checked before the body")
			.isThrownBy(() -> manager.action("s1", "token", unparsable, HandshakeRequest.none()).block())
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(429));
	}

	@Test
	void actionHooksKeepTheAdmissionFirst() {
		ActionHook accept = (session, action, request) -> true;
		HandshakeManager manager = manager(new Hooks(List.of(), List.of(accept), List.of(), List.of(), List.of()), 60);
		assertThat(manager.action("s1", "token", body("name"), HandshakeRequest.none()).block().get("applied"))
			.containsExactly(nodes.stringNode("name"));
		assertThat(this.steps).containsExactly("admit", "body");
	}

	private HandshakeManager manager(Hooks hooks, int rateLimitPerMinute) {
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		HandshakeSettings defaults = HandshakeSettings.defaults();
		HandshakeSettings settings = new HandshakeSettings(defaults.ttl(), defaults.maxLifetime(), rateLimitPerMinute,
				defaults.extendRateLimitPerMinute(), defaults.limits(), defaults.pacing(), defaults.zone(),
				defaults.bindUserEditsToOwner(), defaults.clearedFieldsBecomeEmpty(), defaults.requireOwner(),
				defaults.paths());
		HandshakeManager manager = HandshakeManager
			.builder(this.store, broadcast, new LocalPacedDelivery(broadcast, 100))
			.settings(settings)
			.hooks(hooks)
			.clock(this.clock)
			.build();
		this.store
			.create(HandshakeSession.open("s1", "token", nodes.stringNode("default"),
					nodes.arrayNode().add(nodes.objectNode().put("key", "name")), nodes.objectNode(),
					nodes.objectNode(), settings.ttl(), settings.maxLifetime(), this.clock.instant()))
			.block(Duration.ofSeconds(5));
		return manager;
	}

	private Mono<ObjectNode> body(String key) {
		return Mono.fromSupplier(() -> {
			this.steps.add("body");
			ObjectNode body = nodes.objectNode().put("stream", false);
			body.putArray("actions").addObject().put("type", "set").put("key", key).put("value", "Ann");
			return body;
		});
	}

}
