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

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import io.github.agentprotocols.testsupport.RawHttp;
import io.github.agentprotocols.testsupport.RawWebSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the application's port, a connection whose first request opens an Engine.IO
 * WebSocket or is a long-polling request is served in place, by the Socket.IO server's
 * pipeline on the client's own connection (the session's peer is the client's end, and no
 * {@code X-Forwarded-For} was added), also when its request line arrives in pieces. The
 * connection is kept open between long-polling requests, of one session or several, and
 * carries a session's upgrade to WebSocket; a request for the web server on it closes it
 * unanswered. A WebSocket opened on a connection that served the web server first is
 * forwarded by the bridge (the session's handshake carries the {@code X-Forwarded-For}
 * the bridge adds). A WebSocket served in place answers a ping with a pong, as the web
 * server does on the bridge, whatever text frame came before (the wire fuzzer,
 * {@code benchmarks/}, found pings left unanswered).
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.application-port=in-place" })
class SocketIoOnApplicationPortTests {

	private static final String WEBSOCKET = "/socket.io/?EIO=4&transport=websocket";

	private static final String POLLING = "/socket.io/?EIO=4&transport=polling";

	private static final String CONNECT = "40{\"user\":\"alice\"}";

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)");

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	@Test
	void aWebSocketIsServedOnTheClientsOwnConnection() throws IOException {
		try (RawWebSocket webSocket = RawWebSocket.open(this.port, WEBSOCKET)) {
			assertThat(webSocket.nextText()).startsWith("0{");
			HandshakeData handshake = sessionFrom(webSocket.localPort());
			assertThat(handshake.getHttpHeaders().get("X-Forwarded-For")).isNull();
		}
	}

	@Test
	void aWebSocketWhoseRequestLineArrivesInPiecesIsServedInPlace() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write("GET /socket.io/?EIO=4&tra".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(200);
			out.write(upgrade("nsport=websocket").getBytes(StandardCharsets.US_ASCII));
			DataInputStream in = new DataInputStream(socket.getInputStream());
			assertThat(head(in)).startsWith("HTTP/1.1 101 ");
			assertThat(sessionFrom(socket.getLocalPort()).getHttpHeaders().get("X-Forwarded-For")).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource
	void aPingIsAnsweredWithAPong(TextFrame frame) throws IOException {
		try (RawWebSocket webSocket = RawWebSocket.open(this.port, WEBSOCKET)) {
			assertThat(webSocket.nextText()).startsWith("0{");
			webSocket.send(frame.firstByte, frame.payload);
			assertThat(webSocket.ping("probe")).isEqualTo("probe");
		}
	}

	@Test
	void aLongPollIsServedInPlace() throws IOException {
		try (Socket socket = connect()) {
			HandshakeData handshake = session(sid(exchange(socket, "GET", POLLING, null)));
			assertThat(handshake.getAddress().getPort()).isEqualTo(socket.getLocalPort());
			assertThat(handshake.getHttpHeaders().get("X-Forwarded-For")).isNull();
		}
	}

	@Test
	void longPollingRequestsShareOneKeptConnection() throws IOException {
		try (Socket socket = connect()) {
			String sid = sid(exchange(socket, "GET", POLLING, null));
			assertThat(exchange(socket, "POST", POLLING + "&sid=" + sid, CONNECT)).endsWith("\r\n\r\nok");
			assertThat(exchange(socket, "GET", POLLING + "&sid=" + sid, null)).contains("\r\n\r\n40{");
			assertThat(exchange(socket, "OPTIONS", POLLING + "&sid=" + sid, null)).startsWith("HTTP/1.1 200 ");
			String other = sid(exchange(socket, "GET", POLLING, null));
			assertThat(other).isNotEqualTo(sid);
			assertThat(exchange(socket, "POST", POLLING + "&sid=" + other, CONNECT)).endsWith("\r\n\r\nok");
			assertThat(session(sid).getAddress().getPort()).isEqualTo(socket.getLocalPort());
			assertThat(session(other).getAddress().getPort()).isEqualTo(socket.getLocalPort());
		}
	}

	@Test
	void theJdkClientSendsLongPollingRequestsOnTheConnectionItKeeps() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String polling = "http://127.0.0.1:" + this.port + POLLING;
		String sid = sid(
				client.send(HttpRequest.newBuilder(URI.create(polling)).build(), BodyHandlers.ofString()).body());
		for (int i = 0; i < 3; i++) {
			assertThat(client
				.send(HttpRequest.newBuilder(URI.create(polling + "&sid=" + sid))
					.POST(BodyPublishers.ofString((i == 0) ? CONNECT : "3"))
					.build(), BodyHandlers.ofString())
				.body()).isEqualTo("ok");
		}
		assertThat(client
			.send(HttpRequest.newBuilder(URI.create(polling + "&sid=" + sid)).build(), BodyHandlers.ofString())
			.body()).startsWith("40{");
		assertThat(session(sid).getHttpHeaders().get("X-Forwarded-For")).isNull();
	}

	@Test
	void aSessionUpgradesFromLongPollingToAWebSocketOnTheSameConnection() throws IOException {
		try (Socket socket = connect()) {
			String sid = sid(exchange(socket, "GET", POLLING, null));
			assertThat(exchange(socket, "POST", POLLING + "&sid=" + sid, CONNECT)).endsWith("\r\n\r\nok");
			assertThat(exchange(socket, "GET", POLLING + "&sid=" + sid, null)).contains("\r\n\r\n40{");
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(("GET " + WEBSOCKET + upgrade("&sid=" + sid)).getBytes(StandardCharsets.US_ASCII));
			assertThat(head(in)).startsWith("HTTP/1.1 101 ");
			out.write(maskedText("2probe"));
			assertThat(textFrame(in)).isEqualTo("3probe");
			out.write(maskedText("5"));
			ClientHead session = this.server.pipeline().sessions().get(UUID.fromString(sid));
			await().until(session::getCurrentTransport, (transport) -> transport == Transport.WEBSOCKET);
			assertThat(session.isConnected()).isTrue();
		}
	}

	@Test
	void aLongPollingBodyThatCannotBeDecodedIsRefused() throws IOException {
		String sid;
		try (Socket socket = connect()) {
			sid = sid(exchange(socket, "GET", POLLING, null));
		}
		String answer = RawHttp.undecodableChunk(this.port, "POST " + POLLING + "&sid=" + sid
				+ " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain;charset=UTF-8\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("{\"code\":3,\"message\":\"Bad request\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Connection: close\r\n", "Connection: close\r\n Folded: value\r\n", "Connection: TE\r\n" })
	void aLongPollingAnswerClosesAConnectionThatNoConnectionHeaderKeeps(String connection) throws IOException {
		String answer = RawHttp.exchange(this.port,
				"GET " + POLLING + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + connection + "\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200 ").containsIgnoringCase("connection: close");
		assertThat(SID.matcher(answer).find()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "&a=%", "&%ZZ=1", "&EIO=%ZZ" })
	void aLongPollingRequestWhoseQueryCannotBeDecodedIsRefused(String query) throws IOException {
		String sid;
		try (Socket socket = connect()) {
			sid = sid(exchange(socket, "GET", POLLING, null));
		}
		String answer = RawHttp.exchange(this.port,
				"POST " + POLLING + "&sid=" + sid + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Connection: close\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 2\r\n\r\n40");
		assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("{\"code\":3,\"message\":\"Bad request\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/socket.io//%?EIO=4&transport=polling", "/socket.io//%ZZ?EIO=4&transport=polling",
			"/socket.io//%u002e?EIO=4&transport=polling" })
	void aLongPollingRequestWhosePathCannotBeDecodedIsRefused(String target) throws IOException {
		String answer = RawHttp.exchange(this.port,
				"GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
	}

	@Test
	void aRequestForTheWebServerOnAConnectionServedInPlaceClosesIt() throws IOException {
		try (Socket socket = connect()) {
			sid(exchange(socket, "GET", POLLING, null));
			socket.getOutputStream()
				.write(("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
	}

	@Test
	void aWebSocketOnAConnectionThatServedARequestFirstIsForwardedByTheBridge() throws Exception {
		try (Socket socket = connect()) {
			assertThat(exchange(socket, "GET", "/actuator/health", null)).startsWith("HTTP/1.1 200 ");
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(("GET " + WEBSOCKET + upgrade("")).getBytes(StandardCharsets.US_ASCII));
			assertThat(head(in)).startsWith("HTTP/1.1 101 ");
			Matcher sid = SID.matcher(textFrame(in));
			assertThat(sid.find()).isTrue();
			HandshakeData forwarded = session(sid.group(1));
			assertThat(forwarded.getHttpHeaders().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		socket.setSoTimeout(10_000);
		return socket;
	}

	/**
	 * Sends a request on a connection and reads its answer, which must keep the
	 * connection open.
	 * @return the answer's head and body
	 */
	private String exchange(Socket socket, String method, String target, @Nullable String body) throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
				+ ((body != null) ? "Content-Type: text/plain\r\nContent-Length: " + content.length + "\r\n" : "")
				+ "\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(request.getBytes(StandardCharsets.US_ASCII));
		out.write(content);
		DataInputStream in = new DataInputStream(socket.getInputStream());
		String head = head(in);
		assertThat(head).doesNotContainIgnoringCase("connection: close");
		Matcher length = CONTENT_LENGTH.matcher(head);
		assertThat(length.find()).as(head).isTrue();
		return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
	}

	private static String sid(String answer) {
		Matcher sid = SID.matcher(answer);
		assertThat(sid.find()).as(answer).isTrue();
		return sid.group(1);
	}

	/**
	 * A text frame as a client sends it, masked (with a zero mask, which leaves the
	 * payload as it is).
	 */
	private static byte[] maskedText(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[6 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(payload, 0, frame, 6, payload.length);
		return frame;
	}

	private String upgrade(String restOfTarget) {
		return restOfTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
	}

	private static String head(DataInputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			head.append((char) in.readUnsignedByte());
		}
		return head.toString();
	}

	private HandshakeData sessionFrom(int clientPort) {
		return await().until(() -> sessions().stream()
			.map(ClientHead::getHandshakeData)
			.filter((handshake) -> handshake.getAddress().getPort() == clientPort)
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

	private HandshakeData session(String sid) {
		return session(this.server, sid);
	}

	/**
	 * The handshake of a server's session, once the session is there.
	 */
	static HandshakeData session(AcpSocketIoServer server, String sid) {
		return await().until(() -> sessions(server).stream()
			.filter((client) -> client.getSessionId().toString().equals(sid))
			.map(ClientHead::getHandshakeData)
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

	/**
	 * Reads a short unmasked text frame, such as the Engine.IO open packet.
	 */
	private static String textFrame(DataInputStream in) throws IOException {
		assertThat(in.readUnsignedByte()).isEqualTo(0x81);
		int length = in.readUnsignedByte();
		assertThat(length).isLessThan(126);
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	private List<ClientHead> sessions() {
		return sessions(this.server);
	}

	private static List<ClientHead> sessions(AcpSocketIoServer server) {
		AcpChannelInitializer pipeline = server.pipeline();
		return (pipeline != null) ? List.copyOf(pipeline.sessions().values()) : List.of();
	}

	/**
	 * Text frames the wire fuzzer sent before its ping: a namespace connect as a client
	 * sends it, with its three RSV bits set, with a byte that is no UTF-8, and with a
	 * member added.
	 */
	enum TextFrame {

		UNCHANGED(0x81, "40{\"user\":\"alice\"}"),

		RSV_BITS(0xf1, "40{\"user\":\"alice\"}"),

		INVALID_UTF8(0x81, "40{\"user\":\"alice\",\"x\":\"\u00c3(\"}"),

		MEMBER_ADDED(0x81, "40{\"unknown\":true,\"user\":\"alice\"}");

		private final int firstByte;

		private final byte[] payload;

		TextFrame(int firstByte, String payload) {
			this.firstByte = firstByte;
			// one byte per char: \u00c3 followed by ( is no UTF-8
			this.payload = payload.getBytes(StandardCharsets.ISO_8859_1);
		}

	}

}
