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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.NotYetConnectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The bridge's answers when the Socket.IO server fails a forwarded request, here a socket
 * standing in for it. One it never answers is answered once the ping interval and a
 * margin have passed, as the Node.js Engine.IO server answers a failed request, rather
 * than left hanging (netty-socketio itself answers every request now, overlapping polls
 * included; the bound is the bridge's guard against one that does not). One whose
 * connection it resets is a bad gateway, though a reset reads like a client's that left,
 * and is not sent again; an answer it sent before the reset is relayed. A request whose
 * connection failed before the request was written (Netty's
 * {@link NotYetConnectedException}, which Reactor Netty does not retry) is sent once
 * more, on a fresh connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class BridgeUpstreamFaultsTests {

	private static final Duration PING_INTERVAL = Duration.ofSeconds(1);

	/** The ping interval, the bridge's margin (10 s), and room for a loaded machine. */
	private static final Duration BOUND = PING_INTERVAL.plusSeconds(10).plusSeconds(20);

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

	private static final Pattern WEBSOCKET_KEY = Pattern.compile("(?i)\r\nsec-websocket-key: *([^\r]+)");

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	/** The requests the stand-in read, each its head and body. */
	private final List<String> received = new CopyOnWriteArrayList<>();

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
	void aRequestWhoseConnectionTheServerResetsIsAnsweredBadGatewayAndNotSentAgain(CapturedOutput output)
			throws Exception {
		SocketIoBridge bridge = new SocketIoBridge(server((socket) -> {
			read(socket);
			reset(socket);
		}));
		WebTestClient client = WebTestClient.bindToWebHandler(bridge).configureClient().responseTimeout(BOUND).build();
		client.post()
			.uri("/socket.io/?EIO=4&transport=polling&sid=reset")
			.bodyValue("40")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(this.received).singleElement().asString().endsWith("\r\n\r\n40");
		assertThat(output.getOut()).contains("Could not forward POST /socket.io/").doesNotContain(" ERROR ");
	}

	@Test
	void anAnswerTheServerSentBeforeResettingTheConnectionIsRelayed(CapturedOutput output) throws Exception {
		SocketIoBridge bridge = new SocketIoBridge(server((socket) -> {
			read(socket);
			answer(socket, "503 Service Unavailable", "{\"code\":4,\"message\":\"Too many pending connections\"}");
			reset(socket);
		}));
		WebTestClient client = WebTestClient.bindToWebHandler(bridge).configureClient().responseTimeout(BOUND).build();
		client.get()
			.uri("/socket.io/?EIO=4&transport=polling")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody(String.class)
			.isEqualTo("{\"code\":4,\"message\":\"Too many pending connections\"}");
		assertThat(output.getOut()).doesNotContain("Could not forward").doesNotContain(" ERROR ");
	}

	@Test
	void aRequestWhoseConnectionFailedBeforeTheRequestWasWrittenIsSentOnAFreshConnection(CapturedOutput output)
			throws Exception {
		AtomicBoolean failFirst = new AtomicBoolean(true);
		HttpClient http = failingFirst(failFirst);
		SocketIoBridge bridge = new SocketIoBridge(server((socket) -> {
			read(socket);
			answer(socket, "200 OK", "ok");
			socket.close();
		}), http);
		WebTestClient client = WebTestClient.bindToWebHandler(bridge).configureClient().responseTimeout(BOUND).build();
		client.post()
			.uri("/socket.io/?EIO=4&transport=polling&sid=retried")
			.bodyValue("40")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ok");
		assertThat(failFirst).isFalse();
		assertThat(this.received).singleElement().asString().endsWith("\r\n\r\n40");
		assertThat(output.getOut()).doesNotContain("Could not forward").doesNotContain(" ERROR ");
	}

	@Test
	void aWebSocketWhoseUpstreamConnectionFailedBeforeTheUpgradeWasWrittenIsRelayedOnAFreshOne(CapturedOutput output)
			throws Exception {
		AtomicBoolean failFirst = new AtomicBoolean(true);
		HttpClient http = failingFirst(failFirst);
		SocketIoBridge bridge = new SocketIoBridge(server((socket) -> {
			read(socket);
			upgrade(socket, "0{\"sid\":\"relayed\"}");
		}), http);
		DisposableServer front = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(bridge).build()))
			.bindNow();
		try {
			String first = HttpClient.create()
				.websocket()
				.uri("ws://127.0.0.1:" + front.port() + "/socket.io/?EIO=4&transport=websocket")
				.handle((in, out) -> in.receive().asString().next())
				.blockFirst(BOUND);
			assertThat(first).isEqualTo("0{\"sid\":\"relayed\"}");
		}
		finally {
			front.disposeNow();
		}
		assertThat(failFirst).isFalse();
		assertThat(this.received).singleElement().asString().startsWith("GET /socket.io/?EIO=4&transport=websocket");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	/**
	 * An HTTP client whose first connection fails before it connects.
	 * @param failFirst true until that connection is made
	 */
	private static HttpClient failingFirst(AtomicBoolean failFirst) {
		return HttpClient.create(ConnectionProvider.newConnection())
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				if (failFirst.getAndSet(false)) {
					channel.pipeline().addFirst(new FailsBeforeConnecting());
				}
			});
	}

	/**
	 * Reads a request, head and body, into {@link #received}, unless the connection ends
	 * first.
	 */
	private void read(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		int headEnd = -1;
		int bodyLength = 0;
		while (headEnd < 0 || request.size() < headEnd + bodyLength) {
			int b = in.read();
			if (b < 0) {
				return;
			}
			request.write(b);
			String text = request.toString(StandardCharsets.ISO_8859_1);
			if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
				headEnd = text.length();
				Matcher length = CONTENT_LENGTH.matcher(text);
				bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
			}
		}
		this.received.add(request.toString(StandardCharsets.ISO_8859_1));
	}

	private static void answer(Socket socket, String status, String body) throws IOException {
		socket.getOutputStream()
			.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
					+ body)
				.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
	}

	/**
	 * Accepts the WebSocket upgrade read last into {@link #received}, then sends one
	 * short text frame.
	 */
	private void upgrade(Socket socket, String text) throws Exception {
		Matcher key = WEBSOCKET_KEY.matcher(this.received.get(this.received.size() - 1));
		assertThat(key.find()).isTrue();
		String accept = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-1")
				.digest((key.group(1).trim() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
					.getBytes(StandardCharsets.ISO_8859_1)));
		byte[] frame = text.getBytes(StandardCharsets.UTF_8);
		OutputStream out = socket.getOutputStream();
		out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(new byte[] { (byte) 0x81, (byte) frame.length });
		out.write(frame);
		out.flush();
	}

	/**
	 * Closes a connection with a reset.
	 */
	private static void reset(Socket socket) throws IOException {
		socket.setSoLinger(true, 0);
		socket.close();
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
			catch (Exception ex) {
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

		void accepted(Socket socket) throws Exception;

	}

	/**
	 * Fails a connection before it connects, as Netty's epoll transport fails one that
	 * reads on a stale event of a closed connection whose file descriptor it took over
	 * ({@code ENOTCONN}).
	 */
	private static final class FailsBeforeConnecting extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRegistered(ChannelHandlerContext ctx) {
			ctx.fireExceptionCaught(new NotYetConnectedException());
			ctx.close();
		}

	}

}
