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

import java.io.IOException;

import io.github.agentprotocols.testsupport.RawWebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's protocol violations on a WebSocket through the bridge close its connection
 * as Netty closes it, logged at DEBUG (found by the whole-server fuzzing over the wire,
 * {@code benchmarks/}): a frame Reactor Netty's decoder refuses, sent before the bridge
 * has reached the Socket.IO server and reads the client's frames, was logged as uncaught
 * at ERROR; a fragmented message relayed to the Socket.IO server whose connection ends
 * before its last fragment reached the end of netty-socketio's pipeline, which Netty
 * logged at WARN with its stack trace. On netty-socketio's own port, a frame its decoder
 * refuses reached the packet handler, whose exception listener logged it at ERROR, and a
 * ping went unanswered.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.application-port=bridge",
				"logging.level.io.github.agentprotocols.commons.web.WebSocketPeerErrors=debug" })
@ExtendWith(OutputCaptureExtension.class)
class BridgePeerErrorsTests {

	private static final String ENDPOINT = "/socket.io/?EIO=4&transport=websocket";

	@LocalServerPort
	int port;

	@Autowired
	AcpSocketIoServer server;

	@Test
	void aFragmentedMessageWhoseConnectionEndsBeforeItsLastFragmentIsNoError(CapturedOutput output) throws IOException {
		try (RawWebSocket webSocket = open()) {
			assertThat(webSocket.nextText()).startsWith("0{");
			webSocket.sendFirstFragment("40{\"user\":");
		}
		RawWebSocket.assertLoggedAtDebugOnly(output, "PrematureChannelClosureException");
		assertServesAFreshWebSocket();
	}

	@ParameterizedTest
	@EnumSource
	void aFrameTheDecoderRefusesIsClosedWithoutAnError(RawWebSocket.Refused frame, CapturedOutput output)
			throws IOException {
		try (RawWebSocket webSocket = open()) {
			webSocket.send(frame);
			assertThat(webSocket.closeCode()).isEqualTo(1002);
		}
		RawWebSocket.assertLoggedAtDebugOnly(output, "CorruptedWebSocketFrameException");
		assertServesAFreshWebSocket();
	}

	@ParameterizedTest
	@EnumSource
	void aFrameTheDecoderRefusesOnTheSocketIoServersOwnPortIsClosedWithoutAnError(RawWebSocket.Refused frame,
			CapturedOutput output) throws IOException {
		try (RawWebSocket webSocket = RawWebSocket.open(this.server.port(), ENDPOINT)) {
			assertThat(webSocket.nextText()).startsWith("0{");
			webSocket.send(frame);
			// netty-socketio's WebSocket encoder comes after its decoder: no close frame
			webSocket.closeCode();
		}
		RawWebSocket.assertLoggedAtDebugOnly(output, "CorruptedWebSocketFrameException");
		try (RawWebSocket webSocket = RawWebSocket.open(this.server.port(), ENDPOINT)) {
			assertThat(webSocket.nextText()).startsWith("0{");
		}
	}

	@Test
	void aPingOnTheSocketIoServersOwnPortIsAnsweredWithAPong() throws IOException {
		try (RawWebSocket webSocket = RawWebSocket.open(this.server.port(), ENDPOINT)) {
			assertThat(webSocket.nextText()).startsWith("0{");
			assertThat(webSocket.ping("direct")).isEqualTo("direct");
		}
	}

	private RawWebSocket open() throws IOException {
		return RawWebSocket.open(this.port, ENDPOINT);
	}

	private void assertServesAFreshWebSocket() throws IOException {
		try (RawWebSocket webSocket = open()) {
			assertThat(webSocket.nextText()).startsWith("0{");
		}
	}

}
