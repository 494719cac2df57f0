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

package io.github.agentprotocols.benchmarks.hpp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates HPP sessions and builds the agent's requests against a running server.
 */
final class HppAgent {

	/** Ten string fields, {@code f0} to {@code f9}. */
	static final String TEN_FIELD_SCHEMA;

	/** An action batch setting all ten fields. */
	static final String TEN_FIELD_ACTIONS;

	static {
		StringBuilder schema = new StringBuilder("{\"mode\":\"form-fill\",\"schema\":[");
		StringBuilder actions = new StringBuilder("{\"intervalMs\":0,\"actions\":[");
		for (int i = 0; i < 10; i++) {
			String separator = (i > 0) ? "," : "";
			schema.append(separator).append("{\"key\":\"f").append(i).append("\",\"type\":\"string\"}");
			actions.append(separator)
				.append("{\"type\":\"set\",\"key\":\"f")
				.append(i)
				.append("\",\"value\":\"value ")
				.append(i)
				.append("\"}");
		}
		TEN_FIELD_SCHEMA = schema.append("]}").toString();
		TEN_FIELD_ACTIONS = actions.append("]}").toString();
	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client;

	private final String base;

	HppAgent(HttpClient client, int port) {
		this.client = client;
		this.base = "http://127.0.0.1:" + port;
	}

	Session create(String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create(this.base + "/handshake/session"))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("create session: HTTP " + response.statusCode() + " " + response.body());
		}
		JsonNode created = json.readTree(response.body());
		return new Session(created.get("sessionId").asString(), created.get("token").asString(),
				created.get("wsUrl").asString());
	}

	HttpRequest context(Session session) {
		return HttpRequest.newBuilder(URI.create(this.base + "/handshake/context/" + session.id()))
			.header("X-Handshake-Token", session.token())
			.build();
	}

	HttpRequest diff(Session session) {
		return HttpRequest.newBuilder(URI.create(this.base + "/handshake/diff/" + session.id()))
			.header("X-Handshake-Token", session.token())
			.build();
	}

	HttpRequest action(Session session, String body) {
		return HttpRequest.newBuilder(URI.create(this.base + "/handshake/action/" + session.id()))
			.header("X-Handshake-Token", session.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	URI webSocket(Session session) {
		return URI.create("ws://127.0.0.1:" + this.base.substring(this.base.lastIndexOf(':') + 1) + session.wsUrl()
				+ "?token=" + session.token());
	}

	record Session(String id, String token, String wsUrl) {
	}

}
