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

package io.github.agentprotocols.hpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket upgrade by another method than {@code GET} over HTTP/1.1 is refused 400 in
 * the protocol's error shape, without an ERROR: Spring lets {@code CONNECT} (HTTP/2's
 * upgrade method) through to Reactor Netty's handshaker, which failed it with 500 (found
 * by the whole-server fuzzing over the wire, {@code benchmarks/}).
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HandshakeUpgradeMethodTests extends RunningServerTests {

	private static final String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
			+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "CONNECT", "POST", "PUT", "OPTIONS", "get" })
	void anUpgradeByAnotherMethodIsRefused(String method, CapturedOutput output) throws IOException {
		Session session = create("{\"mode\":\"form-fill\"}");
		String answer = exchange(method, "/ws/handshake/" + session.sid() + "?token=" + session.token(),
				UPGRADE + "Content-Length: 0\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ")
			.contains("Content-Type: application/json")
			.endsWith("{\"error\":\"websocket upgrade requires GET\"}");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test
	void anUpgradeByHeadIsRefusedWithoutABody(CapturedOutput output) throws IOException {
		String answer = exchange("HEAD", "/ws/handshake/0123456789abcdef", UPGRADE);
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test
	void aConnectWithoutUpgradeHeadersIsRefused(CapturedOutput output) throws IOException {
		String answer = exchange("CONNECT", "/ws/handshake/0123456789abcdef", "Content-Length: 0\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("{\"error\":\"websocket upgrade requires GET\"}");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test
	void anUpgradeByGetIsStillAccepted() throws IOException {
		Session session = create("{\"mode\":\"form-fill\"}");
		String answer = exchange("GET", "/ws/handshake/" + session.sid() + "?token=" + session.token(), UPGRADE);
		assertThat(answer).startsWith("HTTP/1.1 101 ");
	}

	/**
	 * Sends one request over a fresh connection and reads the answer until the server
	 * closes the connection, or the head of a {@code 101}.
	 */
	private String exchange(String method, String target, String headers) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n" + headers
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			for (int b = in.read(); b != -1; b = in.read()) {
				answer.append((char) b);
				if (answer.indexOf("HTTP/1.1 101 ") == 0 && answer.indexOf("\r\n\r\n") > 0) {
					break;
				}
			}
			return answer.toString();
		}
	}

}
