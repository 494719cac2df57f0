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

package io.github.agentprotocols.acp.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.testsupport.OwnReactorResources;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance of {@link ClusterTestApplication} in a context of its own, on a random
 * port, with a REST client.
 */
final class ClusterInstance implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ConfigurableApplicationContext context;

	private final String root;

	private final String base;

	private ClusterInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.root = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
		this.base = this.root + "/acp";
	}

	/**
	 * Starts an instance and waits until its relay listens, so that what other instances
	 * send next arrives live, not through the first connection's catch-up.
	 */
	static ClusterInstance start(SpringApplicationBuilder builder, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("server.port=0");
		all.add("spring.main.banner-mode=off");
		ClusterInstance instance = new ClusterInstance(builder.properties(all.toArray(String[]::new)).run());
		await().atMost(WAIT).until(instance.relay()::isListening);
		return instance;
	}

	/**
	 * Starts an instance whose web server runs on Reactor Netty resources of its own:
	 * closing it leaves the shared ones, and so the other instances of the JVM, running.
	 */
	static ClusterInstance startReplaceable(String... properties) {
		return start(replaceable(), properties);
	}

	/**
	 * A builder of the application whose web server runs on Reactor Netty resources of
	 * its own.
	 */
	static SpringApplicationBuilder replaceable() {
		return new SpringApplicationBuilder(ClusterTestApplication.class).initializers(new OwnReactorResources());
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	RecordingClusterListener emitter() {
		return bean(RecordingClusterListener.class);
	}

	AcpClusterRelay relay() {
		return bean(AcpClusterRelay.class);
	}

	/**
	 * The application's address, where Socket.IO clients connect.
	 * @return for example {@code http://127.0.0.1:8080}
	 */
	String url() {
		return this.root;
	}

	/** Creates a thread as the user, with the {@code echo} assistant as a member. */
	String createThread(String user) {
		String thread = send(user, "POST", "/threads", "{}").get("id").stringValue();
		send(user, "POST", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"echo\",\"name\":\"echo\"}}");
		return thread;
	}

	JsonNode postMessage(String user, String thread, String text) {
		return send(user, "POST", "/threads/" + thread + "/messages",
				"{\"content\":[{\"type\":\"text\",\"text\":" + AcpJson.write(text) + "}]}");
	}

	/** Invokes an assistant as the user; returns the run's id. */
	String invoke(String user, String thread, String assistant) {
		return send(user, "POST", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"" + assistant + "\"]}")
			.get("runs")
			.get(0)
			.get("id")
			.stringValue();
	}

	/** The status of a run, as the user reads it. */
	String runStatus(String user, String run) {
		return send(user, "GET", "/runs/" + run, null).get("status").stringValue();
	}

	/** The ids of all of a thread's events in log order. */
	List<String> eventIds(String user, String thread) {
		return events(user, thread).stream().map((event) -> event.get("id").stringValue()).toList();
	}

	/** All of a thread's events in log order, following the cursors. */
	List<JsonNode> events(String user, String thread) {
		List<JsonNode> events = new ArrayList<>();
		String query = "?limit=500";
		while (true) {
			JsonNode page = send(user, "GET", "/threads/" + thread + "/events" + query, null);
			page.get("items").values().forEach(events::add);
			JsonNode cursor = page.get("next_cursor");
			if (cursor.isNull()) {
				return events;
			}
			query = "?limit=500&cursor_created_at=" + encode(cursor.get("created_at").stringValue()) + "&cursor_id="
					+ encode(cursor.get("id").stringValue());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	JsonNode send(String user, String method, String path, String body) {
		return send(this.client, this.base, user, method, path, body);
	}

	/**
	 * Sends a request to an ACP API and asserts a {@code 2xx} answer.
	 * @param client the HTTP client
	 * @param base the API's base URL, such as {@code http://127.0.0.1:8080/acp}
	 * @param user the caller, as {@code x-user}
	 * @param method the method
	 * @param path the path below the base
	 * @param body the JSON body, or {@code null}
	 * @return the answer's body
	 */
	static JsonNode send(HttpClient client, String base, String user, String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.header("x-user", user)
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
			return AcpJson.parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the instance's context is still the running one it started with. */
	boolean isRunning() {
		return this.context.isRunning();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
