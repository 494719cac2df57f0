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
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the application on its random port.
 */
abstract class RunningServerTests {

	@LocalServerPort
	int port;

	HttpProbe http;

	@BeforeEach
	void probe() {
		this.http = new HttpProbe(this.port);
	}

	/**
	 * Sends a request as it is over a new connection and reads the answer until the
	 * server closes the connection.
	 */
	String sendRaw(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	Session create(String body) {
		JsonNode created = this.http.create(body);
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	record Session(String sid, String token) {
	}

}
