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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.BugDetectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Engine.IO v4 long-polling client of raw HTTP requests, each bounded by a timeout:
 * for the fuzz tests, which send what a well-behaved client never does.
 */
final class PollingClient {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/**
	 * For a server's first handshake, whose forward loads the bridge's HTTP client
	 * (instrumented under Jazzer): on a loaded machine it took more than 10 s.
	 */
	private static final Duration FIRST_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);

	/** The ports whose server has answered a handshake. */
	private static final Set<Integer> warm = ConcurrentHashMap.newKeySet();

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final int port;

	private final String base;

	/**
	 * Tells Jazzer's request forgery detector that the fuzz test connects, on purpose, to
	 * the server under test: on loopback only.
	 */
	static void allowLoopbackConnections() {
		BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.startsWith("127."));
	}

	/**
	 * A client of the Engine.IO endpoint at {@code /socket.io/} on a loopback port.
	 * @param port the port
	 */
	PollingClient(int port) {
		this.port = port;
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Opens a session.
	 * @return its sid
	 */
	String handshake() throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.base + "/socket.io/?EIO=4&transport=polling"))
			.GET();
		HttpResponse<String> open = warm.contains(this.port) ? send(request)
				: http.send(request.timeout(FIRST_HANDSHAKE_TIMEOUT).build(), BodyHandlers.ofString());
		warm.add(this.port);
		assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
		Matcher sid = SID.matcher(open.body());
		assertThat(sid.find()).as(open.body()).isTrue();
		return sid.group(1);
	}

	HttpResponse<String> post(String sid, String body) throws IOException, InterruptedException {
		return post(sid, body.getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> post(String sid, byte[] body) throws IOException, InterruptedException {
		return send(postRequest(sid, body));
	}

	/**
	 * Sends a POST whose packets take long to read, answered only once they are read: it
	 * waits up to a minute, since a loaded machine took more than 10 s to read 10,000
	 * packets.
	 */
	HttpResponse<String> postSlowToRead(String sid, String body) throws IOException, InterruptedException {
		return http.send(postRequest(sid, body.getBytes(StandardCharsets.UTF_8)).timeout(SLOW_TIMEOUT).build(),
				BodyHandlers.ofString());
	}

	private HttpRequest.Builder postRequest(String sid, byte[] body) {
		return HttpRequest.newBuilder(polling(sid))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(BodyPublishers.ofByteArray(body));
	}

	HttpResponse<String> poll(String sid) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(polling(sid)).GET());
	}

	/**
	 * Opens a session, connects alice to a namespace, and closes the session.
	 * @param namespace the namespace, {@code ""} for the main one
	 */
	void connectWellBehaved(String namespace) throws IOException, InterruptedException {
		String sid = handshake();
		String prefix = namespace.isEmpty() ? "" : namespace + ",";
		assertThat(post(sid, "40" + prefix + "{\"user\":\"alice\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> poll = poll(sid);
		assertThat(poll.statusCode()).isEqualTo(200);
		assertThat(poll.body()).startsWith("40" + prefix + "{\"sid\":");
		post(sid, "1");
	}

	URI uri(String target) {
		return URI.create(this.base + target);
	}

	private URI polling(String sid) {
		return uri("/socket.io/?EIO=4&transport=polling&sid=" + sid);
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(TIMEOUT).build(), BodyHandlers.ofString());
	}

}
