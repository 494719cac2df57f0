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
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.test.FuzzedRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of what a Socket.IO peer sends on the application's port,
 * through the WebFlux bridge to netty-socketio behind ACP's handlers: an Engine.IO
 * long-polling body POSTed to a session just opened by a real handshake, and a sequence
 * of text and binary frames on a real WebSocket connection. Each input is answered (the
 * POST 200 {@code ok} or 400 in Engine.IO's error shape; on the WebSocket the answer to a
 * probe CONNECT of an unknown namespace) or its connection closed, within a bound;
 * nothing is logged at ERROR; and a well-behaved client still opens a session and
 * connects after it. Inputs stay far below {@code acp.limits.max-body-size}, the
 * transports' limit.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.max-pending-connections=1000000", "acp.socketio.connect-timeout=5s",
				"acp.socketio.port=0" })
class SocketIoFuzzTests {

	/**
	 * Inputs between two connects of a well-behaved client (one after the first input).
	 */
	private static final int INPUTS_PER_CHECK = 20;

	private static final Pattern ENGINE_IO_ERROR = Pattern.compile("\\{\"code\":\\d+,\"message\":\"[^\"]*\"}");

	private static final String PROBE = "40/fuzz-probe,";

	private static @Nullable ErrorLog errors;

	private static int inputs;

	/** Headers the JDK's client sets itself. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

	@LocalServerPort
	int port;

	@Autowired
	AcpSocketIoServer server;

	/**
	 * A long-polling body: Engine.IO packets separated by {@code 0x1e}, POSTed to a fresh
	 * session.
	 */
	@FuzzTest
	void pollingPayload(byte[] payload) throws Exception {
		PollingClient.allowLoopbackConnections();
		String sid = client().handshake();
		HttpResponse<String> answer = client().post(sid, payload);
		assertThat(answer.statusCode()).as(describe(payload, answer)).isIn(200, 400);
		if (answer.statusCode() == 200) {
			assertThat(answer.body()).as(describe(payload, answer)).isEqualTo("ok");
		}
		else {
			assertThat(answer.body()).as(describe(payload, answer)).matches(ENGINE_IO_ERROR);
		}
		client().post(sid, "1");
		checkServer(payload);
	}

	/**
	 * WebSocket frames, separated by {@code \n} in the input: a frame whose first byte is
	 * {@code 0x01} is sent as a binary frame of the bytes after it, any other as a text
	 * frame of its bytes as they are (UTF-8 or not).
	 */
	@FuzzTest
	void webSocketFrames(byte[] input) throws Exception {
		PollingClient.allowLoopbackConnections();
		List<WebSocketFrame> frames = frames(input);
		boolean awaitingAttachments = awaitsAttachments(input);
		List<String> received = new CopyOnWriteArrayList<>();
		Mono<Void> exchange = HttpClient.create()
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(4 * 1024 * 1024).build())
			.uri("ws://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=websocket")
			.handle((in, out) -> {
				Mono<Void> reading = in.receiveFrames()
					.map(SocketIoFuzzTests::text)
					.doOnNext(received::add)
					.takeUntil((frame) -> frame.startsWith("44/fuzz-probe,"))
					.then();
				Mono<Void> writing = out
					.sendObject(Flux.fromIterable(frames).concatWith(Mono.fromSupplier(() -> text(PROBE))))
					.then()
					.onErrorResume((ex) -> Mono.empty());
				return Mono.when(writing,
						awaitingAttachments ? reading.timeout(Duration.ofSeconds(2), Mono.empty()) : reading);
			})
			.then()
			.onErrorResume(SocketIoFuzzTests::isClosed, (ex) -> Mono.empty());
		try {
			exchange.block(PollingClient.TIMEOUT);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("no answer and no close: frames " + describe(input) + ", received " + received,
					ex);
		}
		// answered the probe, or closed (a first frame that ends the session may close
		// the
		// connection before the OPEN packet reached the peer)
		String description = "frames " + describe(input) + ", received " + received;
		if (!received.isEmpty()) {
			assertThat(received.get(0)).as(description).startsWith("0{");
		}
		checkServer(input);
	}

	/**
	 * A whole HTTP request (method, path and query, headers, body, as
	 * {@link FuzzedRequest} reads it) on the application's port, where the bridge serves
	 * Engine.IO: the handshake's query, the polling parameters ({@code sid}, {@code j},
	 * {@code b64}, {@code transport}) and headers ({@code Origin}, {@code Cookie}, ...).
	 * It is answered below 500 or its connection closed, within the bound.
	 */
	@FuzzTest
	void handshakeRequest(byte[] input) throws Exception {
		PollingClient.allowLoopbackConnections();
		request(this.port, input);
	}

	/**
	 * The same on netty-socketio's own port ({@code acp.socketio.port}).
	 */
	@FuzzTest
	void directPortRequest(byte[] input) throws Exception {
		PollingClient.allowLoopbackConnections();
		request(this.server.port(), input);
	}

	private void request(int port, byte[] input) throws Exception {
		FuzzedRequest request = FuzzedRequest.parse(input);
		String method = request.method().equals("CONNECT") ? "GET" : request.method();
		HttpRequest.Builder builder = HttpRequest.newBuilder(new PollingClient(port).uri(request.target()))
			.method(method,
					(request.body().length > 0) ? BodyPublishers.ofByteArray(request.body()) : BodyPublishers.noBody());
		request.headers().forEach((name, value) -> {
			if (!RESTRICTED.contains(name)) {
				builder.header(name, value);
			}
		});
		try {
			HttpResponse<String> answer = PollingClient.send(builder);
			assertThat(answer.statusCode()).as(request + " -> " + answer.statusCode() + " " + answer.body())
				.isLessThan(500);
		}
		catch (HttpTimeoutException ex) {
			throw new AssertionError("no answer within " + PollingClient.TIMEOUT + ": " + request, ex);
		}
		catch (IOException ex) {
			// refused by closing the connection
		}
		checkServer(input);
	}

	/**
	 * Asserts that nothing was logged at ERROR and, every {@value #INPUTS_PER_CHECK}
	 * inputs, that a well-behaved client still opens a session and connects.
	 */
	private void checkServer(byte[] input) throws Exception {
		if (errors == null) {
			errors = ErrorLog.attach();
		}
		assertThat(errors.drain()).as("errors logged for " + describe(input)).isEmpty();
		if (inputs++ % INPUTS_PER_CHECK == 0) {
			client().connectWellBehaved("");
		}
	}

	private PollingClient client() {
		return new PollingClient(this.port);
	}

	private static List<WebSocketFrame> frames(byte[] input) {
		List<WebSocketFrame> frames = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= input.length; i++) {
			if (i == input.length || input[i] == '\n') {
				if (i > start && input[start] == 0x01) {
					frames.add(new BinaryWebSocketFrame(Unpooled.copiedBuffer(input, start + 1, i - start - 1)));
				}
				else {
					frames.add(new TextWebSocketFrame(Unpooled.copiedBuffer(input, start, i - start)));
				}
				start = i + 1;
			}
		}
		return frames;
	}

	private static boolean isClosed(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a frame starts a binary event or acknowledgement ({@code 45}, {@code 46}):
	 * the server then takes the next frames, the probe included, as its attachments.
	 */
	private static boolean awaitsAttachments(byte[] input) {
		for (int i = 0; i + 1 < input.length; i++) {
			if ((i == 0 || input[i - 1] == '\n') && input[i] == '4' && (input[i + 1] == '5' || input[i + 1] == '6')) {
				return true;
			}
		}
		return false;
	}

	private static TextWebSocketFrame text(String text) {
		return new TextWebSocketFrame(text);
	}

	private static String text(WebSocketFrame frame) {
		if (frame instanceof TextWebSocketFrame text) {
			return text.text();
		}
		return frame.getClass().getSimpleName() + " " + ByteBufUtil.hexDump(frame.content());
	}

	private static String describe(byte[] input, HttpResponse<String> answer) {
		return describe(input) + " -> " + answer.statusCode() + " " + answer.body();
	}

	private static String describe(byte[] input) {
		String text = new String(input, StandardCharsets.UTF_8);
		return "'" + ((text.length() <= 300) ? text : text.substring(0, 300) + "…") + "'";
	}

	/**
	 * The application: in memory, alice and bob known by {@code auth.user}.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FuzzApplication {

		private static final Map<String, Identity> users = Map.of("alice",
				new Identity(IdentityRole.USER, "alice", "alice", Map.of("tenant", Map.of("org", "A"))), "bob",
				new Identity(IdentityRole.USER, "bob", "bob", Map.of("tenant", Map.of("org", "A"))));

		@Bean
		AcpAuthenticator acpFuzzAuthenticator() {
			return (handshake) -> Mono.justOrEmpty(users.get(String.valueOf(handshake.auth().get("user"))));
		}

	}

}
