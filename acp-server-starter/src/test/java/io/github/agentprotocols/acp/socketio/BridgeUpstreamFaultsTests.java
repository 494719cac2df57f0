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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The bridge's answers when the Socket.IO server fails a forwarded request, here a socket
 * standing in for it. One it never answers is answered once the ping interval and a
 * margin have passed, as the Node.js Engine.IO server answers a failed request, rather
 * than left hanging (netty-socketio itself answers every request now, overlapping polls
 * included; the bound is the bridge's guard against one that does not). One whose
 * connection it resets is a bad gateway, though a reset reads like a client's that left.
 */
@ExtendWith(OutputCaptureExtension.class)
class BridgeUpstreamFaultsTests {

	private static final Duration PING_INTERVAL = Duration.ofSeconds(1);

	/** The ping interval, the bridge's margin (10 s), and room for a loaded machine. */
	private static final Duration BOUND = PING_INTERVAL.plusSeconds(10).plusSeconds(20);

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private ServerSocket standIn;

	@AfterEach
	void closeTheSilentServer() throws IOException {
		for (Socket socket : this.accepted) {
			socket.close();
		}
		this.standIn.close();
	}

	@Test
	void aRequestTheServerLeavesUnansweredIsAnsweredBadRequestAfterThePingIntervalAndAMargin(CapturedOutput output)
			throws Exception {
		SocketIoBridge bridge = new SocketIoBridge(silentServer());
		WebTestClient client = WebTestClient.bindToWebHandler(bridge).configureClient().responseTimeout(BOUND).build();
		long start = System.nanoTime();
		client.get()
			.uri("/socket.io/?EIO=4&transport=polling&sid=waiting")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST)
			.expectBody(String.class)
			.isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		assertThat(waited).as("the request waited the ping interval at least").isGreaterThan(PING_INTERVAL);
		assertThat(this.accepted).as("the request reached the server").isNotEmpty();
		assertThat(output.getOut()).contains("The Socket.IO server did not answer a forwarded GET /socket.io/")
			.doesNotContain(" ERROR ");
	}

	@Test
	void aRequestWhoseConnectionTheServerResetsIsAnsweredBadGateway(CapturedOutput output) throws Exception {
		SocketIoBridge bridge = new SocketIoBridge(server((socket) -> {
			socket.getInputStream().read(new byte[1]);
			socket.setSoLinger(true, 0);
			socket.close();
		}));
		WebTestClient client = WebTestClient.bindToWebHandler(bridge).configureClient().responseTimeout(BOUND).build();
		client.get()
			.uri("/socket.io/?EIO=4&transport=polling&sid=reset")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(output.getOut()).contains("Could not forward GET /socket.io/").doesNotContain(" ERROR ");
	}

	private AcpSocketIoServer silentServer() throws IOException {
		return server(this.accepted::add);
	}

	/**
	 * A stand-in for the Socket.IO server.
	 * @param connection what it does with each connection it accepts
	 */
	private AcpSocketIoServer server(Connection connection) throws IOException {
		this.standIn = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			try {
				while (true) {
					connection.accepted(this.standIn.accept());
				}
			}
			catch (IOException ex) {
				// closed by the test
			}
		}, "stand-in-socket-io-server");
		acceptor.setDaemon(true);
		acceptor.start();
		AcpSocketIoServer server = mock(AcpSocketIoServer.class);
		given(server.settings())
			.willReturn(new SocketIoSettings("/socket.io", List.of(), null, InetAddress.getLoopbackAddress(),
					AllowedOrigins.of(List.of("*")), 100, 1_000_000, Duration.ofSeconds(45), 100));
		given(server.port()).willReturn(this.standIn.getLocalPort());
		given(server.pingInterval()).willReturn(PING_INTERVAL);
		return server;
	}

	private interface Connection {

		void accepted(Socket socket) throws IOException;

	}

}
