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

package io.github.agentprotocols.acp.web;

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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain HTTP client for the REST tests: JSON bodies, the fixture's caller in the
 * {@code x-user} header.
 */
final class AcpHttp {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	AcpHttp(int port) {
		this.base = "http://localhost:" + port + "/acp";
	}

	Reply get(@Nullable String user, String path) {
		return send(user, "GET", path, null, null);
	}

	Reply delete(@Nullable String user, String path) {
		return send(user, "DELETE", path, null, null);
	}

	Reply post(@Nullable String user, String path, @Nullable String body) {
		return send(user, "POST", path, "application/json", body);
	}

	Reply patch(@Nullable String user, String path, @Nullable String body) {
		return send(user, "PATCH", path, "application/json", body);
	}

	Reply asIdentity(String identityJson, String method, String path) {
		return send("custom", method, path, null, HttpRequest.BodyPublishers.noBody(), "x-identity", identityJson);
	}

	Reply send(@Nullable String user, String method, String path, @Nullable String contentType, @Nullable String body) {
		return send(user, method, path, contentType,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
	}

	Reply send(@Nullable String user, String method, String path, @Nullable String contentType,
			HttpRequest.BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, body)
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null) {
			request.header("x-user", user);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a thread as the given user and returns its id.
	 */
	String createThread(String user, String body) {
		Reply reply = post(user, "/threads", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").stringValue();
	}

	/**
	 * Every thread the user can list, following the cursors.
	 */
	List<String> listAll(String user) {
		List<String> ids = new ArrayList<>();
		String query = "?limit=200";
		while (true) {
			JsonNode page = get(user, "/threads" + query).ok();
			page.get("items").values().forEach((thread) -> ids.add(thread.get("id").stringValue()));
			JsonNode cursor = page.get("next_cursor");
			if (cursor.isNull()) {
				return ids;
			}
			query = "?limit=200&cursor_created_at=" + encode(cursor.get("created_at").stringValue()) + "&cursor_id="
					+ encode(cursor.get("id").stringValue());
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A response.
	 */
	record Reply(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			return AcpJson.mapper().readTree(this.body);
		}

		JsonNode ok() {
			assertThat(this.status).as(toString()).isBetween(200, 299);
			return json();
		}

		/**
		 * Asserts an error answer in the §3.5 shape and returns it.
		 */
		Reply isError(int status, String code) {
			assertThat(this.status).as(toString()).isEqualTo(status);
			assertErrorShape();
			assertThat(json().get("error").get("code").stringValue()).as(toString()).isEqualTo(code);
			return this;
		}

		void assertErrorShape() {
			JsonNode body = json();
			assertThat(body.get("detail")).as(toString()).isNotNull();
			assertThat(body.get("detail").isString()).as(toString()).isTrue();
			assertThat(body.get("error").get("code").isString()).as(toString()).isTrue();
			assertThat(body.get("error").get("message").isString()).as(toString()).isTrue();
			assertThat(this.response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		}

		String message() {
			return json().get("error").get("message").stringValue();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
