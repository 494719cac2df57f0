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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.handler.ClientHead;
import io.github.agentprotocols.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With TLS on the application's port ({@code server.ssl.bundle}), a WebSocket is served
 * in place behind the web server's TLS, on the client's own connection, and so is
 * long-polling, whose requests the JDK client sends on the connection it keeps.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.application-port=in-place", "server.ssl.bundle=server" })
class SocketIoOnApplicationPortTlsTests {

	private static final TestCertificates certificates = TestCertificates.create();

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	@DynamicPropertySource
	static void serverCertificate(DynamicPropertyRegistry registry) {
		certificates.bundleProperties("server", certificates.server()).forEach((property) -> {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		});
	}

	@Test
	void aWebSocketIsServedInPlaceBehindTheWebServersTls() throws IOException {
		try (SSLSocket socket = (SSLSocket) certificates.trustingContext()
			.getSocketFactory()
			.createSocket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
						+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			DataInputStream in = new DataInputStream(socket.getInputStream());
			StringBuilder head = new StringBuilder();
			while (head.indexOf("\r\n\r\n") < 0) {
				head.append((char) in.readUnsignedByte());
			}
			assertThat(head).startsWith("HTTP/1.1 101 ");
			assertThat(in.readUnsignedByte()).isEqualTo(0x81);
			String open = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
			Matcher sid = SID.matcher(open);
			assertThat(sid.find()).as(open).isTrue();
			HandshakeData handshake = await().until(() -> session(sid.group(1)), (found) -> found != null);
			assertThat(handshake.getAddress().getPort()).isEqualTo(socket.getLocalPort());
			assertThat(handshake.getHttpHeaders().get("X-Forwarded-For")).isNull();
		}
	}

	@Test
	void longPollingIsServedInPlaceBehindTheWebServersTls() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(certificates.trustingContext())
			.build();
		String polling = "https://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling";
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(polling)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher sid = SID.matcher(response.body());
		assertThat(sid.find()).as(response.body()).isTrue();
		HandshakeData handshake = await().until(() -> session(sid.group(1)), (found) -> found != null);
		assertThat(handshake.getHttpHeaders().get("X-Forwarded-For")).isNull();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(polling + "&sid=" + sid.group(1)))
				.POST(HttpRequest.BodyPublishers.ofString((i == 0) ? "40{\"user\":\"alice\"}" : "3"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(post.body()).isEqualTo("ok");
		}
		HttpResponse<String> poll = client.send(
				HttpRequest.newBuilder(URI.create(polling + "&sid=" + sid.group(1))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(poll.body()).startsWith("40{");
	}

	private HandshakeData session(String sid) {
		AcpChannelInitializer pipeline = this.server.pipeline();
		return (pipeline != null) ? pipeline.sessions()
			.values()
			.stream()
			.filter((client) -> client.getSessionId().toString().equals(sid))
			.map(ClientHead::getHandshakeData)
			.findFirst()
			.orElse(null) : null;
	}

}
