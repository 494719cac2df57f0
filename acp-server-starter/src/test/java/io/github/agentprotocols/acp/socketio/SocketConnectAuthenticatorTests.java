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

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SocketConnectAuthenticatorTests {

	private static final Identity alice = Identity.user("alice", "Alice");

	@Test
	void handshakeHasTheSessionsHeadersLowerCasedTheAuthObjectAndTheApplicationsQuery() {
		HttpHeaders headers = new DefaultHttpHeaders().add("Authorization", "Bearer t")
			.add("X-Forwarded-For", "10.0.0.1")
			.add("x-forwarded-for", "10.0.0.2");
		com.corundumstudio.socketio.HandshakeData session = new com.corundumstudio.socketio.HandshakeData(headers,
				Map.of("EIO", List.of("4"), "transport", List.of("polling"), "t", List.of("x"), "sid", List.of("s"),
						"tenant", List.of("A", "B")),
				new InetSocketAddress(0), "/socket.io/", false);
		HandshakeData handshake = SocketConnectAuthenticator.handshakeData(session, "{\"token\":\"t\"}");
		assertThat(handshake.headers()).containsEntry("authorization", "Bearer t")
			.containsEntry("x-forwarded-for", "10.0.0.1, 10.0.0.2");
		assertThat(handshake.query()).isEqualTo(Map.of("tenant", "A"));
		assertThat(handshake.auth()).isEqualTo(Map.of("token", "t"));
		assertThat(handshake.transport()).isEqualTo("socketio");
	}

	@Test
	void authThatIsNotAnObjectIsEmpty() {
		for (String auth : List.of("", "\"token\"", "[1]", "{broken")) {
			assertThat(SocketConnectAuthenticator.handshakeData(session(), auth).auth()).as(auth).isEmpty();
		}
	}

	@Test
	void noIdentityIsUnauthenticatedAndAFailureIsInternal() {
		assertThat(refusalOf(new SocketConnectAuthenticator((handshake) -> Mono.empty(), null), "/"))
			.isEqualTo(AcpErrorCode.UNAUTHENTICATED);
		assertThat(refusalOf(
				new SocketConnectAuthenticator((handshake) -> Mono.error(new IllegalStateException("down")), null),
				"/"))
			.isEqualTo(AcpErrorCode.INTERNAL_ERROR);
		assertThat(refusalOf(new SocketConnectAuthenticator((handshake) -> {
			throw new IllegalStateException("thrown");
		}, null), "/")).isEqualTo(AcpErrorCode.INTERNAL_ERROR);
	}

	@Test
	void namespaceCheckSeesThePathAndTheIdentityAndItsRefusalPassesThrough() {
		AtomicReference<String> checked = new AtomicReference<>();
		SocketConnectAuthenticator authenticator = new SocketConnectAuthenticator((handshake) -> Mono.just(alice),
				(path, identity) -> {
					checked.set(path + " " + identity.id());
					throw new AcpException(AcpErrorCode.NAMESPACE_MISMATCH, "identity missing or mismatched key 'org'");
				});
		assertThat(authenticator.decidesEveryNamespace()).isTrue();
		assertThat(refusalOf(authenticator, "/B")).isEqualTo(AcpErrorCode.NAMESPACE_MISMATCH);
		assertThat(checked).hasValue("/B alice");
	}

	@Test
	void refusalCarriesTheCodeAndTheDetail() {
		assertThat(SocketConnectAuthenticator
			.refusal(new AcpException(AcpErrorCode.NAMESPACE_MISMATCH, "identity missing or mismatched key 'org'")))
			.isEqualTo(Map.of("message", "namespace_mismatch: identity missing or mismatched key 'org'", "data",
					Map.of("code", "namespace_mismatch", "message", "identity missing or mismatched key 'org'")));
		assertThat(SocketConnectAuthenticator.refusal(new AcpException(AcpErrorCode.UNAUTHENTICATED, "")))
			.isEqualTo(Map.of("message", "unauthenticated", "data", Map.of("code", "unauthenticated", "message", "")));
	}

	private static AcpErrorCode refusalOf(SocketConnectAuthenticator authenticator, String path) {
		return assertThatExceptionOfType(AcpException.class)
			.isThrownBy(() -> authenticator.authenticate(session(), path, "").block())
			.actual()
			.getCode();
	}

	private static com.corundumstudio.socketio.HandshakeData session() {
		return new com.corundumstudio.socketio.HandshakeData(new DefaultHttpHeaders(), Map.of(),
				new InetSocketAddress(0), "/socket.io/", false);
	}

}
