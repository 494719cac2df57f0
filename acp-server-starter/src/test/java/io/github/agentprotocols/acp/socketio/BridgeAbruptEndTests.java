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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.handler.TransportState;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge when one side of a relayed connection ends without a close frame, each
 * noticed at once rather than after a ping timeout (the server's OPEN packet gives 25 s +
 * 60 s): an upstream that ends abruptly (the netty-socketio server stopped under its
 * sockets' connections) ends the client's WebSocket, which the Java client notices as it
 * would not a close frame, and answers a pending long-poll with a gateway error; a client
 * that vanishes ends its netty-socketio socket.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.application-port=bridge" })
@DirtiesContext
class BridgeAbruptEndTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(30);

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	AcpSocketIoServer server;

	@Test
	void upstreamEndingAbruptlyDisconnectsTheJavaClientAtOnce() {
		try (TestSocket socket = TestSocket.open(base(), "websocket", "alice").connected()) {
			await().atMost(PROMPTLY).until(() -> this.server.connectedSockets() == 1);
			endUpstreamConnections();
			await().atMost(PROMPTLY).until(() -> !socket.isConnected());
		}
	}

	@Test
	void clientVanishingEndsItsUpstreamSocket() {
		RawEngineIoSocket socket = connected();
		await().atMost(PROMPTLY).until(() -> this.server.connectedSockets() == 1);
		socket.close();
		await().atMost(PROMPTLY).until(() -> this.server.connectedSockets() == 0);
	}

	@Test
	void upstreamEndingAbruptlyAnswersAPendingLongPollWithAGatewayError() throws Exception {
		String sid = pollingSession();
		CompletableFuture<HttpResponse<String>> pending = this.http.sendAsync(poll(sid).GET().build(),
				BodyHandlers.ofString());
		await().atMost(PROMPTLY).until(() -> upstreamConnections().size() == 1);
		endUpstreamConnections();
		assertThat(pending).succeedsWithin(PROMPTLY).extracting(HttpResponse::statusCode).isEqualTo(502);
	}

	/**
	 * Closes netty-socketio's end of every open connection of its sessions (a poll not
	 * answered yet, a WebSocket), without a close frame or an answer, as a server that
	 * dies does. A stop of the server does not: it closes each session with an Engine.IO
	 * CLOSE packet first.
	 */
	private void endUpstreamConnections() {
		upstreamConnections().forEach(Channel::close);
	}

	private List<Channel> upstreamConnections() {
		return this.server.namespaces()
			.stream()
			.flatMap((namespace) -> namespace.getAllClients().stream())
			.flatMap((socket) -> transports(((NamespaceClient) socket).getBaseClient()).values().stream())
			.map(TransportState::getChannel)
			.filter((channel) -> channel != null && channel.isActive()
					&& channel.attr(EncoderHandler.WRITE_ONCE).get() == null)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<Transport, TransportState> transports(ClientHead session) {
		return (Map<Transport, TransportState>) ReflectionTestUtils.getField(session, "channels");
	}

	private RawEngineIoSocket connected() {
		RawEngineIoSocket socket = RawEngineIoSocket.open(this.port);
		socket.send("40{\"user\":\"alice\"}");
		assertThat(socket.next()).startsWith("40{\"sid\"");
		return socket;
	}

	/**
	 * Opens a long-polling session, connects it and reads the CONNECT, so that the next
	 * poll waits for the server.
	 */
	private String pollingSession() throws Exception {
		HttpResponse<String> open = this.http.send(
				HttpRequest.newBuilder(URI.create(base() + "/socket.io/?EIO=4&transport=polling")).GET().build(),
				BodyHandlers.ofString());
		Matcher sid = SID.matcher(open.body());
		assertThat(sid.find()).as(open.body()).isTrue();
		HttpResponse<String> connect = this.http.send(poll(sid.group(1)).header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("40{\"user\":\"alice\"}"))
			.build(), BodyHandlers.ofString());
		assertThat(connect.statusCode()).isEqualTo(200);
		assertThat(this.http.send(poll(sid.group(1)).GET().build(), BodyHandlers.ofString()).body())
			.startsWith("40{\"sid\":");
		return sid.group(1);
	}

	private HttpRequest.Builder poll(String sid) {
		return HttpRequest.newBuilder(URI.create(base() + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
			.timeout(Duration.ofSeconds(60));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
