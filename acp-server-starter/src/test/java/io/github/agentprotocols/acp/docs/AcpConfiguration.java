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

package io.github.agentprotocols.acp.docs;

// tag::quick-start[]
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import reactor.core.publisher.Flux;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcpConfiguration {

	@Bean
	AcpAuthenticator acpAuthenticator(Users users) {
		return (handshake) -> {
			// Socket.IO: the CONNECT's auth object; REST: the Authorization header
			String token = handshake.transport().equals(HandshakeData.SOCKET_IO)
					? Objects.toString(handshake.auth().get("token"), "")
					: Objects.requireNonNullElse(handshake.header("authorization"), "").replaceFirst("^Bearer ", "");
			return users.findByToken(token) // your code; empty when the token is unknown
				.map((user) -> new Identity(IdentityRole.USER, user.id(), user.name(),
						Map.of("tenant", Map.of("organization", user.orgId()))));
		};
	}

	@Bean
	@AcpAssistant("helper")
	AssistantHandler helper() {
		return (ctx, send) -> Flux.just(send.reasoning("thinking about the request"),
				send.toolCall("search", Map.of("q", "weather"), "call_1"),
				send.toolResult("call_1", Map.of("temp", 72)),
				send.message(List.of(new ContentPart.Text("It's 72°F."))));
	}

}
// end::quick-start[]
