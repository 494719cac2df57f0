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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebSocket upgrade for a session the server does not know (never opened, ended, or an
 * id that is no session id), with or without credentials, on both ports: answered as the
 * Node.js Engine.IO server answers it, 400 {@code Session ID unknown} before any upgrade,
 * and nothing logged at WARN or ERROR, since nothing is wrong on the server.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0" })
@ExtendWith(OutputCaptureExtension.class)
class UnknownSessionUpgradeTests extends SocketIoHttpTests {

	private static final String UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";

	@Test
	void upgradeForAnUnknownSessionIsAnswered400BeforeAnyUpgradeWithNothingLogged(CapturedOutput output)
			throws IOException, InterruptedException {
		int startUp = output.length();
		List<String> sids = new ArrayList<>(List.of(UUID.randomUUID().toString(), "not-a-session"));
		sids.add(endedSession());
		for (int port : ports()) {
			for (String sid : sids) {
				for (boolean credentials : new boolean[] { false, true }) {
					String answer = upgrade(port, sid, credentials);
					assertThat(answer).as("port %d, sid %s, credentials %s", port, sid, credentials)
						.startsWith("HTTP/1.1 400 ")
						.endsWith("\r\n\r\n" + UNKNOWN);
				}
			}
		}
		assertThat(output.toString().substring(startUp)).doesNotContain("Unauthorized client")
			.doesNotContain(" WARN ")
			.doesNotContain(" ERROR ");
	}

	/**
	 * Opens a long-polling session and ends it with an Engine.IO CLOSE packet.
	 */
	private String endedSession() throws IOException, InterruptedException {
		PollingClient client = new PollingClient(this.port);
		String ended = client.handshake();
		client.post(ended, "1");
		await().atMost(WAIT).until(() -> client.poll(ended).statusCode() == 400);
		return ended;
	}

	/**
	 * Asks for a WebSocket upgrade over a plain socket, and reads the answer until the
	 * server closes the connection or its answer's headers and body have arrived.
	 */
	private static String upgrade(int port, String sid, boolean credentials) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) WAIT.toMillis());
			String request = "GET /socket.io/?EIO=4&transport=websocket&sid=" + sid + " HTTP/1.1\r\n"
					+ "Host: 127.0.0.1:" + port + "\r\n" + "Upgrade: websocket\r\n" + "Connection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + "Sec-WebSocket-Version: 13\r\n"
					+ (credentials ? "Authorization: Bearer alice\r\nCookie: session=alice\r\n" : "") + "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(InputStream in) throws IOException {
		StringBuilder answer = new StringBuilder();
		byte[] buffer = new byte[1024];
		int read;
		while ((read = in.read(buffer)) != -1) {
			answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
			String text = answer.toString();
			int end = text.indexOf("\r\n\r\n");
			if (end >= 0 && (text.startsWith("HTTP/1.1 101 ") || text.length() - end - 4 >= contentLength(text))) {
				break;
			}
		}
		return answer.toString();
	}

	private static int contentLength(String headers) {
		Matcher length = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(headers);
		return length.find() ? Integer.parseInt(length.group(1)) : Integer.MAX_VALUE;
	}

}
