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

import java.io.IOException;

import io.github.agentprotocols.testsupport.RawWebSocket;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's protocol violations on the WebSocket channel close its connection as
 * Reactor Netty closes it, logged at DEBUG: Reactor Netty logged them at WARN
 * ({@code An exception has been observed post termination}) or, while nothing read the
 * connection, as uncaught at ERROR (found by the whole-server fuzzing over the wire,
 * {@code benchmarks/}). Each violation is sent once the connection is greeted and once at
 * once after the upgrade, before the handler may read.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.github.agentprotocols.commons.web.WebSocketPeerErrors=debug")
@ExtendWith(OutputCaptureExtension.class)
class HandshakeWebSocketPeerErrorsTests extends RunningServerTests {

	@ParameterizedTest(name = "greeted first: {0}")
	@ValueSource(booleans = { true, false })
	void aFragmentedMessageWhoseConnectionEndsBeforeItsLastFragmentIsNoError(boolean greeted, CapturedOutput output)
			throws IOException {
		Session session = create("{\"mode\":\"form-fill\"}");
		try (RawWebSocket webSocket = open(session, greeted)) {
			webSocket.sendFirstFragment("{\"type\":\"userEdit\",");
		}
		RawWebSocket.assertLoggedAtDebugOnly(output, "PrematureChannelClosureException");
		assertServesAFreshWebSocket(session);
	}

	@ParameterizedTest(name = "{0}, greeted first: {1}")
	@CsvSource({ "RESERVED_OPCODE, true", "RESERVED_OPCODE, false", "UNMASKED, true", "UNMASKED, false" })
	void aFrameTheDecoderRefusesIsClosedWithoutAnError(RawWebSocket.Refused frame, boolean greeted,
			CapturedOutput output) throws IOException {
		Session session = create("{\"mode\":\"form-fill\"}");
		try (RawWebSocket webSocket = open(session, greeted)) {
			webSocket.send(frame);
			assertThat(webSocket.closeCode()).isEqualTo(1002);
		}
		RawWebSocket.assertLoggedAtDebugOnly(output, "CorruptedWebSocketFrameException");
		assertServesAFreshWebSocket(session);
	}

	private RawWebSocket open(Session session, boolean greeted) throws IOException {
		RawWebSocket webSocket = RawWebSocket.open(this.port,
				"/ws/handshake/" + session.sid() + "?token=" + session.token());
		if (greeted) {
			assertThat(webSocket.nextText()).contains("\"type\":\"connected\"");
		}
		return webSocket;
	}

	private void assertServesAFreshWebSocket(Session session) throws IOException {
		open(session, true).close();
	}

}
