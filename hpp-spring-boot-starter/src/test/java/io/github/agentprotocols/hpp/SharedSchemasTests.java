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

import java.time.Clock;
import java.util.List;

import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions created with equal schemas hold one instance of it, taken once their create
 * hooks have run, so that a hook changing its session's schema changes no other.
 */
class SharedSchemasTests {

	private static final String SCHEMA = "[{\"key\":\"name\",\"type\":\"string\"},{\"key\":\"age\"}]";

	@Test
	void anEqualSchemaIsTheFirstInstanceAndADifferentOneItself() {
		SharedSchemas schemas = new SharedSchemas();
		ArrayNode first = schema(SCHEMA);
		ArrayNode equal = schema(SCHEMA);
		ArrayNode different = schema("[{\"key\":\"name\"}]");
		assertThat(schemas.share(first)).isSameAs(first);
		assertThat(schemas.share(equal)).isSameAs(first);
		assertThat(schemas.share(different)).isSameAs(different);
	}

	@Test
	void sessionsShareTheSchemaTheirCreateHooksLeft() {
		InMemorySessionStore store = new InMemorySessionStore(100, 0, Clock.systemUTC());
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		CreateSessionHook addsAField = (session, request) -> {
			if (session.getMeta().path("extra").asBoolean(false)) {
				session.getSchema().addObject().put("key", "extra");
			}
		};
		HandshakeManager manager = HandshakeManager.builder(store, broadcast, new LocalPacedDelivery(broadcast, 8))
			.hooks(new Hooks(List.of(addsAField), List.of(), List.of(), List.of(), List.of()))
			.build();
		String plain = create(manager, "{\"schema\":" + SCHEMA + "}");
		String changed = create(manager, "{\"schema\":" + SCHEMA + ",\"meta\":{\"extra\":true}}");
		String plainAgain = create(manager, "{\"schema\":" + SCHEMA + "}");
		assertThat(schemaOf(store, plainAgain)).isSameAs(schemaOf(store, plain)).hasSize(2);
		assertThat(schemaOf(store, changed)).hasSize(3).isNotSameAs(schemaOf(store, plain));
	}

	private static String create(HandshakeManager manager, String body) {
		ObjectNode created = manager.createSession((ObjectNode) HttpProbe.json.readTree(body), HandshakeRequest.none())
			.block();
		return created.get("sessionId").stringValue();
	}

	private static ArrayNode schemaOf(InMemorySessionStore store, String sessionId) {
		return store.update(sessionId, HandshakeSession::getSchema).block();
	}

	private static ArrayNode schema(String json) {
		return (ArrayNode) HttpProbe.json.readTree(json);
	}

}
