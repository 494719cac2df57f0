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

import java.util.List;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One instance of the clustered application: users named by {@code x-user} on REST and
 * {@code auth.user} on Socket.IO, an assistant {@code echo} that answers with one
 * message, a room emitter stand-in (a recording cluster listener) and a plain listener
 * standing in for the meters.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ClusterTestApplication {

	@Bean
	AcpAuthenticator acpTestAuthenticator() {
		return usersByName();
	}

	/**
	 * The test users: named by {@code x-user} on REST and {@code auth.user} on Socket.IO.
	 * @return the authenticator
	 */
	static AcpAuthenticator usersByName() {
		return (handshake) -> {
			Object user = HandshakeData.SOCKET_IO.equals(handshake.transport()) ? handshake.auth().get("user")
					: handshake.header("x-user");
			return (user instanceof String name) ? Mono.just(Identity.user(name, name)) : Mono.empty();
		};
	}

	@Bean
	RecordingClusterListener roomEmitter() {
		return new RecordingClusterListener();
	}

	@Bean
	RecordingBroadcastListener meters() {
		return new RecordingBroadcastListener();
	}

	@Bean
	@AcpAssistant("echo")
	AssistantHandler echo() {
		return (context, send) -> Flux.just(send.message(List.of(new ContentPart.Text("echo"))));
	}

}
