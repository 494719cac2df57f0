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
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.corundumstudio.socketio.transport.NamespaceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful shutdown with clients connected through the bridge, as the Node.js server's
 * {@code io.close()} ends them: each long-poll in flight answered 200 with an Engine.IO
 * CLOSE packet ({@code 1}), each WebSocket sent the CLOSE packet and ended, so that the
 * clients, the Java client too, notice at once and reconnect, and nothing logged at WARN
 * or ERROR. A class of its own, starting its own application: closing a web application
 * disposes Reactor Netty's shared resources.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void closingTheApplicationClosesEverySessionWithAnEngineIoClosePacket(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SocketIoTestApplication.class)
			.properties(
					"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
					"server.port=0", "spring.main.banner-mode=off")
			.run();
		int startUp = output.length();
		try {
			closeWithClientsConnected(context);
		}
		finally {
			context.close();
		}
		assertThat(output.toString().substring(startUp)).doesNotContain(" WARN ").doesNotContain(" ERROR ");
	}

	private static void closeWithClientsConnected(ConfigurableApplicationContext context) throws Exception {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		AcpSocketIoServer server = context.getBean(AcpSocketIoServer.class);
		PollingClient polling = new PollingClient(port);
		List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String sid = polling.handshake();
			assertThat(polling.post(sid, "40{\"user\":\"alice\"}").statusCode()).isEqualTo(200);
			assertThat(polling.poll(sid).body()).startsWith("40{\"sid\":");
			polls.add(CompletableFuture.supplyAsync(() -> poll(polling, sid)));
		}
		List<RawEngineIoSocket> webSockets = new ArrayList<>();
		TestSocket javaClient = TestSocket.open("http://127.0.0.1:" + port, "websocket", "alice").connected();
		try {
			for (int i = 0; i < 3; i++) {
				RawEngineIoSocket webSocket = RawEngineIoSocket.open(port);
				webSockets.add(webSocket);
				webSocket.send("40{\"user\":\"alice\"}");
				assertThat(webSocket.next()).startsWith("40{\"sid\":");
			}
			await().atMost(WAIT).until(() -> waitingSessions(server) == polls.size() + webSockets.size() + 1);
			context.close();
			for (CompletableFuture<HttpResponse<String>> poll : polls) {
				HttpResponse<String> closed = poll.join();
				assertThat(closed.statusCode()).isEqualTo(200);
				assertThat(closed.body()).isEqualTo("1");
			}
			for (RawEngineIoSocket webSocket : webSockets) {
				assertThat(webSocket.next()).isEqualTo("1");
				assertThat(webSocket.closed()).succeedsWithin(WAIT);
			}
			await().atMost(WAIT).until(() -> !javaClient.isConnected());
		}
		finally {
			webSockets.forEach(RawEngineIoSocket::close);
			javaClient.close();
		}
	}

	/**
	 * How many of the server's sessions have a connection open to it: a WebSocket, or a
	 * long-poll waiting for its answer.
	 */
	private static long waitingSessions(AcpSocketIoServer server) {
		return server.namespaces()
			.stream()
			.flatMap((namespace) -> namespace.getAllClients().stream())
			.filter((socket) -> ((NamespaceClient) socket).getBaseClient().isChannelOpen())
			.count();
	}

	private static HttpResponse<String> poll(PollingClient polling, String sid) {
		try {
			return polling.poll(sid);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
