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

package io.github.agentprotocols.acp.socketio;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the Socket.IO tests, with the fixture of spec §10: an authenticator
 * that reads {@code auth.user} on Socket.IO and {@code x-user} on REST (alice, bob,
 * carol, sys, sysA of item 49, a system identity with tenant {@code {org:A}}, and nul,
 * whose id holds a NUL character as a request may have carried it; {@code explode} makes
 * it fail, anything else is unauthenticated), an authorizer that denies what a test tells
 * it to, and the assistants {@code helper} (reasoning, tool call, tool result, message)
 * and {@code slow} (runs until cancelled) on the real executor, in memory.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SocketIoTestApplication {

	static final Map<String, Identity> users = Map.of("alice", user("alice", Map.of("org", "A", "ws", "X")), "bob",
			user("bob", Map.of("org", "A", "ws", "Y")), "carol", user("carol", Map.of("org", "B")), "sys",
			new Identity(IdentityRole.SYSTEM, "sys", "sys", Map.of("tenant", Map.of())), "sysA",
			new Identity(IdentityRole.SYSTEM, "sysA", "sysA", Map.of("tenant", Map.of("org", "A"))), "nul",
			user("a\u0000b", Map.of("org", "A")));

	private static Identity user(String id, Map<String, String> tenant) {
		return new Identity(IdentityRole.USER, id, id, Map.of("tenant", tenant));
	}

	@Bean
	AcpAuthenticator acpTestAuthenticator() {
		return (handshake) -> {
			Object user = handshake.transport().equals("socketio") ? handshake.auth().get("user")
					: handshake.header("x-user");
			if ("explode".equals(user)) {
				return Mono.error(new IllegalStateException("authenticator down"));
			}
			return Mono.justOrEmpty(users.get(String.valueOf(user)));
		};
	}

	@Bean
	DenyingAuthorizer acpTestAuthorizer() {
		return new DenyingAuthorizer();
	}

	@Bean
	@AcpAssistant("helper")
	AssistantHandler helper() {
		return (context, send) -> Flux.just(send.reasoning("thinking"),
				send.toolCall("search", Map.of("q", "w"), "call_1"), send.toolResult("call_1", Map.of("t", 72)),
				send.message(List.of(new ContentPart.Text("done"))));
	}

	@Bean
	@AcpAssistant("slow")
	AssistantHandler slow() {
		return (context, send) -> Flux.never();
	}

	/**
	 * Denies the actions it is told to deny.
	 */
	static class DenyingAuthorizer implements AcpAuthorizer {

		final Set<AcpAction> denied = ConcurrentHashMap.newKeySet();

		@Override
		public Mono<Boolean> authorize(Identity identity, String threadId, AcpAction action) {
			return Mono.just(!this.denied.contains(action));
		}

	}

}
