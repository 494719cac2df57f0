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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Plain HTTP requests to the Socket.IO server, as a page of some origin or a client that
 * is no browser makes them, on the application's port (through the bridge) and on the
 * server's own port.
 */
abstract class SocketIoHttpTests {

	static final String FOREIGN = "https://evil.example";

	static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

	@LocalServerPort
	int port;

	@Autowired
	AcpSocketIoServer server;

	/**
	 * The ports a page can reach the server on.
	 * @return the application's port, then the server's own
	 */
	List<Integer> ports() {
		Integer direct = this.server.port();
		return List.of(this.port, (direct != null) ? direct : this.port);
	}

	/**
	 * The origin of a page served on a port of this host.
	 * @param port the port
	 * @return the origin
	 */
	static String own(int port) {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * Opens an Engine.IO session over long-polling, as a page of an origin does.
	 * @param port where
	 * @param origin the page's origin, or {@code null} for a client that is no browser
	 * @return the answer
	 */
	HttpResponse<String> handshake(int port, @Nullable String origin) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling"))
			.timeout(WAIT);
		if (origin != null) {
			request.header("Origin", origin);
		}
		return send(request.build());
	}

	/**
	 * Asks for a WebSocket upgrade, as a page of an origin does.
	 * @param port where
	 * @param origin the page's origin
	 * @return the answer's status
	 */
	int upgrade(int port, String origin) {
		return send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"))
					.header("Origin", origin)
					.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
					.header("Sec-WebSocket-Version", "13")
					.timeout(WAIT)
					.build())
			.statusCode();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
