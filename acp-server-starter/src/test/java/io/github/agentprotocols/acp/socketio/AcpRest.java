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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.wire.AcpJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST side of the Socket.IO tests: the fixture's caller in {@code x-user}, JSON in
 * and out, each call required to answer the status it expects.
 */
final class AcpRest {

	private final WebTestClient client;

	AcpRest(int port) {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port + "/acp")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Creates a thread of alice's with tenant {@code {org:A}} and the given assistants as
	 * members.
	 */
	String thread(String... assistants) {
		String thread = call(HttpMethod.POST, "alice", "/threads", "{\"tenant\":{\"org\":\"A\"}}", 201).get("id")
			.stringValue();
		for (String assistant : assistants) {
			addMember(thread, "{\"role\":\"assistant\",\"id\":\"" + assistant + "\",\"name\":\"" + assistant + "\"}");
		}
		return thread;
	}

	void addMember(String thread, String identity) {
		call(HttpMethod.POST, "alice", "/threads/" + thread + "/members", "{\"identity\":" + identity + "}", 201);
	}

	void addUser(String thread, String user) {
		addMember(thread, "{\"role\":\"user\",\"id\":\"" + user + "\",\"name\":\"" + user + "\"}");
	}

	JsonNode message(String user, String thread, String text) {
		return call(HttpMethod.POST, user, "/threads/" + thread + "/messages",
				"{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}", 201);
	}

	List<JsonNode> events(String thread) {
		List<JsonNode> events = new ArrayList<>();
		call(HttpMethod.GET, "alice", "/threads/" + thread + "/events?limit=500", null, 200).get("items")
			.values()
			.forEach(events::add);
		return events;
	}

	JsonNode call(HttpMethod method, String user, String path, @Nullable String body, int status) {
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(path).header("x-user", user);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
		String text = (result.getResponseBody() != null) ? new String(result.getResponseBody(), StandardCharsets.UTF_8)
				: "";
		assertThat(result.getStatus().value()).as(method + " " + path + ": " + text).isEqualTo(status);
		return text.isEmpty() ? AcpJson.parse("{}") : AcpJson.parse(text);
	}

}
