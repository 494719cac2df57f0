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

package io.github.agentprotocols.acp.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.wire.AcpJson;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application of the REST tests, with the fixture of spec §10: an authenticator that
 * reads {@code x-user} (alice, bob, carol, sys; anything else is unauthenticated), the
 * fixture's assistants run by the starter's executor, a spy authorizer, a recording
 * broadcast listener and a recording analytics sink.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AcpRestFixtureAssistants.class)
class AcpRestTestApplication {

	static final Map<String, Identity> users = Map.of("alice", user("alice", Map.of("org", "A", "ws", "X")), "bob",
			user("bob", Map.of("org", "A", "ws", "Y")), "carol", user("carol", Map.of("org", "B")), "sys",
			new Identity(IdentityRole.SYSTEM, "sys", "sys", Map.of("tenant", Map.of())));

	private static Identity user(String id, Map<String, String> tenant) {
		return new Identity(IdentityRole.USER, id, id, Map.of("tenant", tenant));
	}

	/**
	 * The fixture's callers by {@code x-user}; besides them, {@code x-user: custom} takes
	 * the identity from the JSON of {@code x-identity}, and {@code x-user: explode} makes
	 * the authenticator fail.
	 */
	@Bean
	AcpAuthenticator acpTestAuthenticator() {
		return (handshake) -> {
			String user = String.valueOf(handshake.header("x-user"));
			if (user.equals("explode")) {
				return Mono.error(new IllegalStateException("authenticator down"));
			}
			if (user.equals("custom")) {
				return Mono.just(AcpJson.readIdentity(AcpJson.parse(handshake.header("x-identity"))));
			}
			return Mono.justOrEmpty(users.get(user));
		};
	}

	@Bean
	SpyAuthorizer acpTestAuthorizer() {
		return new SpyAuthorizer();
	}

	@Bean
	RecordingBroadcastListener acpTestListener() {
		return new RecordingBroadcastListener();
	}

	/**
	 * Records every call and denies the actions it is told to deny.
	 */
	static class SpyAuthorizer implements AcpAuthorizer {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final Set<AcpAction> denied = ConcurrentHashMap.newKeySet();

		@Override
		public Mono<Boolean> authorize(Identity identity, String threadId, AcpAction action) {
			this.calls.add(identity.id() + " " + threadId + " " + action.wireName());
			return Mono.just(!this.denied.contains(action));
		}

		void reset() {
			this.calls.clear();
			this.denied.clear();
		}

	}

}
