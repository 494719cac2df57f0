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

package io.github.agentprotocols.benchmarks.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Well-formed JSON calls to the showcase, for the objects made before the run and read
 * back after it.
 */
final class JsonCalls {

	/** The loopback address of {@link #getFromOtherClient}. */
	static final String OTHER_CLIENT = "127.0.0.2";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	JsonCalls(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Send a request and read its JSON answer; a {@code 429} is sent again after its
	 * {@code Retry-After} (at most three times), since the fuzzer's refused requests
	 * count against this client's address as well.
	 * @param method the method
	 * @param path the path
	 * @param body the JSON body, or {@code null}
	 * @param headers header names and values, alternating
	 * @return the status and the parsed body
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted
	 */
	Reply call(String method, String path, String body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (int retry = 0; retry < 3 && response.statusCode() == 429; retry++) {
			// the fuzzer's wrong tokens count against this address too: wait as the
			// server asks
			long seconds = response.headers().firstValueAsLong("Retry-After").orElse(5);
			Thread.sleep(Duration.ofSeconds(Math.min(seconds, 65) + 1).toMillis());
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		String text = response.body();
		return new Reply(response.statusCode(), json(text), text);
	}

	/**
	 * Send a request that must succeed.
	 * @param method the method
	 * @param path the path
	 * @param body the JSON body, or {@code null}
	 * @param headers header names and values, alternating
	 * @return the parsed body
	 * @throws IOException if the exchange fails or answers other than 2xx
	 * @throws InterruptedException if interrupted
	 */
	JsonNode ok(String method, String path, String body, String... headers) throws IOException, InterruptedException {
		Reply reply = call(method, path, body, headers);
		if (reply.status() / 100 != 2) {
			throw new IOException(method + " " + path + ": HTTP " + reply.status() + " " + reply.text());
		}
		return reply.json();
	}

	/**
	 * Send a GET from another loopback address than the fuzzer's, {@value #OTHER_CLIENT}:
	 * for a read back that a throttle per client address must not delay (HPP refuses an
	 * address that sent too many wrong tokens for up to a minute).
	 * @param path the path
	 * @param headers header names and values, alternating
	 * @return the status and the parsed body
	 * @throws IOException if the exchange fails
	 */
	Reply getFromOtherClient(String path, String... headers) throws IOException {
		reactor.netty.http.client.HttpClient other = reactor.netty.http.client.HttpClient
			.create(ConnectionProvider.newConnection())
			.bindAddress(() -> new InetSocketAddress(OTHER_CLIENT, 0))
			.responseTimeout(Duration.ofSeconds(30))
			.headers((all) -> {
				for (int i = 0; i < headers.length; i += 2) {
					all.set(headers[i], headers[i + 1]);
				}
			});
		Reply reply = other.get()
			.uri(this.base + path)
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map((text) -> new Reply(response.status().code(), json(text), text)))
			.block(Duration.ofSeconds(35));
		if (reply == null) {
			throw new IOException("GET " + path + ": no answer");
		}
		return reply;
	}

	private static JsonNode json(String text) {
		return (text.isBlank() || !(text.startsWith("{") || text.startsWith("["))) ? null : JSON.readTree(text);
	}

	/**
	 * Open an event stream and read its first bytes.
	 * @param path the path
	 * @return the status and the first line received
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted
	 */
	Reply firstEvent(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.util.stream.Stream<String>> response = this.client.send(request,
				HttpResponse.BodyHandlers.ofLines());
		try (java.util.stream.Stream<String> lines = response.body()) {
			String first = (response.statusCode() == 200)
					? lines.filter((line) -> !line.isBlank()).findFirst().orElse("") : lines.reduce("", String::concat);
			return new Reply(response.statusCode(), null, first);
		}
	}

	/**
	 * A JSON value as compact text.
	 * @param json the value
	 * @return its text
	 */
	static String text(JsonNode json) {
		return JSON.writeValueAsString(json);
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param json the body parsed, or {@code null} if it is not JSON
	 * @param text the body
	 */
	record Reply(int status, JsonNode json, String text) {

	}

}
