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

package io.github.agentprotocols.lime.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import io.github.agentprotocols.lime.wire.LimeJson;
import tools.jackson.databind.JsonNode;

/**
 * Test-side HTTP calls against a {@link FakeLimeApi} with the JDK {@link HttpClient}.
 */
final class SiteClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final FakeLimeApi fake;

	SiteClient(FakeLimeApi fake) {
		this.fake = fake;
	}

	HttpResponse<String> createLoginRequest() throws Exception {
		return post("/modules/agent-login/requests", this.fake.siteToken(), "{}");
	}

	String createdRequestId() throws Exception {
		HttpResponse<String> response = createLoginRequest();
		return data(response).get("login_request_id").asString();
	}

	HttpResponse<String> post(String path, String siteToken, String body) throws Exception {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (siteToken != null) {
			request.header("X-Site-Token", siteToken);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> approve(String requestId, String agentToken, String body) throws Exception {
		HttpRequest.Builder request = request("/modules/agent-login/requests/" + requestId + "/approve")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (agentToken != null) {
			request.header("X-Agent-Token", agentToken);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = request(path).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> status(String requestId) throws Exception {
		return get("/modules/agent-login/requests/" + requestId, "X-Site-Token", this.fake.siteToken());
	}

	/**
	 * Open the site's event stream; the iterator yields the {@code data:} payloads.
	 */
	Events events() throws IOException, InterruptedException {
		HttpRequest request = request("/modules/agent-login/events").header("Accept", "text/event-stream")
			.header("X-Site-Token", this.fake.siteToken())
			.GET()
			.build();
		HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
		return new Events(response);
	}

	static JsonNode data(HttpResponse<String> response) {
		JsonNode body = json(response);
		if (!body.path("ok").asBoolean()) {
			throw new AssertionError("Not an ok envelope: " + response.body());
		}
		return body.get("data");
	}

	static JsonNode json(HttpResponse<String> response) {
		return LimeJson.mapper().readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + path)).timeout(Duration.ofSeconds(10));
	}

	/**
	 * An open event stream read with the JDK client.
	 */
	static final class Events implements AutoCloseable {

		private final HttpResponse<Stream<String>> response;

		private final Iterator<String> lines;

		Events(HttpResponse<Stream<String>> response) {
			this.response = response;
			this.lines = response.body().iterator();
		}

		int status() {
			return this.response.statusCode();
		}

		/**
		 * The next payload that is not a keepalive.
		 */
		JsonNode nextEvent() {
			while (this.lines.hasNext()) {
				String line = this.lines.next();
				if (line.startsWith("data: ") && !line.equals("data: " + SseConnection.KEEPALIVE)) {
					return LimeJson.mapper().readTree(line.substring("data: ".length()));
				}
			}
			throw new AssertionError("Stream ended");
		}

		@Override
		public void close() {
			this.response.body().close();
		}

	}

}
