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

package io.github.agentprotocols.happy.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket upgrade as the hosted server (Socket.IO on Engine.IO, whose default is no
 * {@code permessage-deflate}) answers it. A client offering compression gets none: a
 * server that compressed would make a client's frames wait for its deflater, an ordering
 * the real server never produces (happy-coder 0.13.0 exits right after its last emits,
 * and frames still deflating are lost).
 */
class FakeHappyServerWebSocketTests {

	@Test
	void upgradeNegotiatesNoCompressionEvenWhenTheClientOffersIt() throws IOException {
		try (FakeHappyServer server = FakeHappyServer.start()) {
			URI url = URI.create(server.url());
			List<String> response = upgrade(url, "permessage-deflate; client_max_window_bits");
			assertThat(response.get(0)).contains("101");
			assertThat(response).noneMatch((header) -> header.toLowerCase().startsWith("sec-websocket-extensions"));
		}
	}

	private static List<String> upgrade(URI url, String extensions) throws IOException {
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			String request = "GET " + FakeHappyServer.SOCKET_PATH + "/?EIO=4&transport=websocket HTTP/1.1\r\n"
					+ "Host: " + url.getHost() + ":" + url.getPort() + "\r\n" + "Upgrade: websocket\r\n"
					+ "Connection: Upgrade\r\n" + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\n" + "Sec-WebSocket-Extensions: " + extensions + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> lines = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				lines.add(line);
			}
			return lines;
		}
	}

}
