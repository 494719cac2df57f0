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
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.redis.SessionCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions handed to hooks are copies: whatever a hook does to its copy, through every
 * part of the session's API, the stored session stays as if the hook had done nothing.
 */
class SessionCopyIsolationTests {

	private static final HandshakeSession.WritePolicy POLICY = new HandshakeSession.WritePolicy(500, false);

	@Test
	void changingACopyLeavesItsOriginalAsItWas() {
		HandshakeSession original = session();
		String before = SessionCodec.encode(original);
		vandalize(original.copy());
		assertThat(SessionCodec.encode(original)).isEqualTo(before);
	}

	@Test
	void changingTheOriginalLeavesItsCopyAsItWas() {
		HandshakeSession original = session();
		HandshakeSession copy = original.copy();
		String before = SessionCodec.encode(copy);
		vandalize(original);
		assertThat(SessionCodec.encode(copy)).isEqualTo(before);
	}

	@Test
	void aViewKeepsWhatItReadWhileTheEngineChangesTheSession() {
		HandshakeSession original = session();
		HandshakeSession view = original.view();
		String before = SessionCodec.encode(view);
		original.write("address", HttpProbe.json.readTree("\"Rome\""), FieldOwner.AI, POLICY,
				Fixture.NOW.plusSeconds(30));
		original.write("fresh", HttpProbe.json.readTree("1"), FieldOwner.USER, POLICY, Fixture.NOW.plusSeconds(31));
		original.setMeta(HttpProbe.json.createObjectNode());
		original.setOwner("mallory");
		original.getRequests().tryAcquire(Fixture.NOW.plusSeconds(32), Integer.MAX_VALUE);
		original.extend(600, Fixture.NOW.plusSeconds(33));
		assertThat(SessionCodec.encode(view)).isEqualTo(before);
		assertThat(SessionCodec.encode(original)).isNotEqualTo(before);
	}

	@Test
	void valuesReadFromASessionCannotChangeIt() {
		HandshakeSession session = session();
		String before = SessionCodec.encode(session);
		session.getFields().values().forEach((field) -> vandalize(field.value()));
		session.recentChanges(HandshakeSession.RETAINED_CHANGES).forEach((change) -> {
			vandalize(change.from());
			vandalize(change.to());
		});
		session.getChanges().clear();
		assertThat(SessionCodec.encode(session)).isEqualTo(before);
	}

	@Test
	void valuesGivenToASessionCannotChangeItLater() {
		ObjectNode address = (ObjectNode) HttpProbe.json.readTree("{\"city\":\"Paris\"}");
		HandshakeSession session = session();
		assertThat(session.write("home", address, FieldOwner.AI, POLICY, Fixture.NOW.plusSeconds(5)))
			.isEqualTo(HandshakeSession.WriteOutcome.WRITTEN);
		String before = SessionCodec.encode(session);
		vandalize(address);
		assertThat(SessionCodec.encode(session)).isEqualTo(before);
	}

	@Test
	void actionHookCannotChangeTheStoredSession() {
		assertHookLeavesNoTrace((vandal) -> new Hooks(List.of(), List.of((session, action, request) -> {
			vandal.accept(session);
			return true;
		}), List.of(), List.of(), List.of()), Fixture::action);
	}

	@Test
	void doneHookCannotChangeTheStoredSession() {
		assertHookLeavesNoTrace(
				(vandal) -> new Hooks(List.of(), List.of(),
						List.of((session, applied, rejected, errors) -> vandal.accept(session)), List.of(), List.of()),
				Fixture::action);
	}

	@Test
	void extendHookCannotChangeTheStoredSession() {
		assertHookLeavesNoTrace(
				(vandal) -> new Hooks(List.of(), List.of(), List.of(), List.of((session, extra, request) -> {
					vandal.accept(session);
					return ExtensionDecision.allow();
				}), List.of()), (manager) -> manager.extend(Fixture.ID, Fixture.TOKEN,
						Mono.just(HttpProbe.json.createObjectNode().put("extraSeconds", 60)), HandshakeRequest.none()));
	}

	@Test
	void browserAuthCannotChangeTheStoredSession() {
		assertHookLeavesNoTrace(
				(vandal) -> new Hooks(List.of(), List.of(), List.of(), List.of(), List.of((request, session) -> {
					vandal.accept(session);
					return true;
				})),
				(manager) -> manager.notify(Fixture.ID,
						Mono.just(
								(ObjectNode) HttpProbe.json.readTree("{\"key\":\"note\",\"value\":{\"text\":\"hi\"}}")),
						HandshakeRequest.none()));
	}

	@Test
	void promptBuilderCannotChangeTheStoredSession() {
		String[] encoded = new String[2];
		for (int run = 0; run < 2; run++) {
			boolean vandalizing = run == 1;
			Fixture t = new Fixture(Hooks.none(), (session, baseUrl, instructions, expiresIn) -> {
				if (vandalizing) {
					vandalize(session);
				}
				return "prompt";
			});
			t.manager.prompt(Fixture.ID, "http://localhost", null).block();
			encoded[run] = t.encoded();
		}
		assertThat(encoded[1]).isEqualTo(encoded[0]);
	}

	/**
	 * Runs an operation twice on the same stored session: with a hook that does nothing
	 * and with one that changes everything it can reach. Both must leave the same state.
	 */
	private static void assertHookLeavesNoTrace(Function<Consumer<HandshakeSession>, Hooks> hooks,
			Function<HandshakeManager, Mono<?>> operation) {
		Fixture quiet = new Fixture(hooks.apply((session) -> {
		}), null);
		Fixture vandalized = new Fixture(hooks.apply(SessionCopyIsolationTests::vandalize), null);
		operation.apply(quiet.manager).block();
		operation.apply(vandalized.manager).block();
		assertThat(vandalized.encoded()).isEqualTo(quiet.encoded());
	}

	/**
	 * Changes every part of a session that its API reaches.
	 */
	static void vandalize(HandshakeSession session) {
		vandalize(session.getMode());
		vandalize(session.getSchema());
		vandalize(session.getMeta());
		session.getFields().values().forEach((field) -> vandalize(field.value()));
		session.recentChanges(HandshakeSession.RETAINED_CHANGES).forEach((change) -> {
			vandalize(change.from());
			vandalize(change.to());
		});
		session.getFields().remove("name");
		session.getFields().put("injected", new FieldValue(HttpProbe.json.readTree("1"), FieldOwner.USER, Fixture.NOW));
		session.write("address", HttpProbe.json.readTree("\"overwritten\""), FieldOwner.USER, POLICY,
				Fixture.NOW.plusSeconds(30));
		session.setOwner("mallory");
		session.setMeta(HttpProbe.json.createObjectNode());
		for (int i = 0; i < 3; i++) {
			session.getRequests().tryAcquire(Fixture.NOW.plusSeconds(30), Integer.MAX_VALUE);
			session.getExtensions().tryAcquire(Fixture.NOW.plusSeconds(30), Integer.MAX_VALUE);
		}
		session.extend(99_999, Fixture.NOW.plusSeconds(30));
		session.touch(Fixture.NOW.plusSeconds(40));
	}

	private static void vandalize(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.put("vandalized", true);
		}
		else if (node instanceof ArrayNode array) {
			array.add("vandalized");
		}
	}

	private static HandshakeSession session() {
		HandshakeSession session = HandshakeSession.open(Fixture.ID, Fixture.TOKEN,
				HttpProbe.json.readTree("{\"kind\":\"form-fill\"}"),
				(ArrayNode) HttpProbe.json.readTree("[{\"key\":\"name\",\"required\":true},{\"key\":\"tags\"}]"),
				(ObjectNode) HttpProbe.json.readTree("{\"page\":\"/form\"}"),
				(ObjectNode) HttpProbe.json
					.readTree("{\"name\":\"Ann\",\"address\":{\"city\":\"Paris\"},\"tags\":[\"a\"],\"none\":[]}"),
				Duration.ofSeconds(1800), Duration.ofHours(24), Fixture.NOW.minusSeconds(60));
		session.write("tags", HttpProbe.json.readTree("[\"a\",\"b\"]"), FieldOwner.USER, POLICY,
				Fixture.NOW.minusSeconds(50));
		session.write("profile", HttpProbe.json.readTree("{\"age\":30}"), FieldOwner.AI, POLICY,
				Fixture.NOW.minusSeconds(40));
		session.getRequests().tryAcquire(Fixture.NOW.minusSeconds(30), 60);
		session.getExtensions().tryAcquire(Fixture.NOW.minusSeconds(30), 10);
		return session;
	}

	/**
	 * A manager over an in-memory store holding one session, at a fixed time.
	 */
	private static final class Fixture {

		static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");

		static final String ID = "0123456789abcdef0123456789abcdef";

		static final String TOKEN = "tok_-ABCDEFGHIJKLMNOPQRSTUVWXYZ01";

		final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-15T10:00:00Z"));

		final InMemorySessionStore store = new InMemorySessionStore(10, 0, this.clock);

		final HandshakeManager manager;

		Fixture(Hooks hooks, @Nullable PromptBuilder promptBuilder) {
			this.clock.advance(Duration.between(this.clock.instant(), NOW));
			LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
			HandshakeManager.Builder builder = HandshakeManager
				.builder(this.store, broadcast, new LocalPacedDelivery(broadcast, 100))
				.hooks(hooks)
				.clock(this.clock);
			this.manager = ((promptBuilder != null) ? builder.promptBuilder(promptBuilder) : builder).build();
			this.store.create(session()).block();
		}

		static Mono<?> action(HandshakeManager manager) {
			return manager.action(ID, TOKEN, Mono.just((ObjectNode) HttpProbe.json.readTree(
					"{\"stream\":false,\"actions\":[{\"type\":\"set\",\"key\":\"profile\",\"value\":{\"age\":31}}]}")),
					HandshakeRequest.none());
		}

		String encoded() {
			return this.store.update(ID, SessionCodec::encode).block();
		}

	}

}
