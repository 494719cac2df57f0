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

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A peer that resets its connection to the Socket.IO server is not an error of the
 * server: logged at DEBUG, where netty-socketio logged ERROR {@code Connection reset}
 * with a stack trace (found by the whole-server fuzzing over the wire,
 * {@code benchmarks/}).
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "logging.level.io.github.agentprotocols.acp.socketio.PeerFaultListener=debug",
				"logging.level.io.github.agentprotocols.commons.web.WebSocketPeerErrors=debug" })
@ExtendWith(OutputCaptureExtension.class)
class PeerFaultTests {

	@Autowired
	AcpSocketIoServer server;

	@Test
	void aConnectionResetByThePeerInTheMiddleOfABodyIsLoggedAtDebug(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.server.port())) {
			socket.getOutputStream()
				.write("POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			socket.setSoLinger(true, 0);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("io.netty.handler.codec.PrematureChannelClosureException")
					|| output.getOut().contains(" ERROR "));
		assertThat(output.getOut()).doesNotContain(" ERROR ")
			.contains("ended by the peer: java.net.SocketException")
			.contains("Connection closed on the peer's protocol violation");
		assertThat(new PollingClient(this.server.port()).handshake()).isNotBlank();
	}

}
