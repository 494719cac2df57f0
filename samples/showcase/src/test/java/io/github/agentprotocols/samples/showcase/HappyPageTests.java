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

package io.github.agentprotocols.samples.showcase;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Happy page's endpoints on the fake Happy server and daemon the showcase runs
 * in-process without credentials.
 */
@ShowcaseTest
class HappyPageTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	@Qualifier(FakeHappyServerInitializer.DAEMON_BEAN_NAME)
	FakeHappyDaemon daemon;

	@Test
	void fakeDaemonMachineIsListed() {
		this.client.get()
			.uri("/happy/machines")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(this.daemon.machineId()))
			.jsonPath("$[0].host")
			.isEqualTo("fake-host");
	}

	@Test
	void spawnedSessionStreamsItsTurnAsServerSentEventsAndStops() {
		String sessionId = spawn();
		assertThat(this.daemon.runningSessions()).contains(sessionId);
		this.client.get()
			.uri("/happy/sessions")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == '" + sessionId + "')].path")
			.isEqualTo(List.of("/home/fake/project"));

		post("/happy/sessions/" + sessionId + "/messages", Map.of("text", "Hello"));
		this.client.get()
			.uri("/happy/sessions/{id}/turn", sessionId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("completed");

		List<ServerSentEvent<Map<String, Object>>> events = events(sessionId, null, 4);
		assertThat(events).extracting((event) -> event.data().get("line"))
			.containsExactly("user: Hello", "turn started", "agent: Echo: Hello", "turn ended: completed");
		assertThat(events).extracting(ServerSentEvent::id)
			.containsExactlyElementsOf(events.stream().map((event) -> event.data().get("seq").toString()).toList());

		post("/happy/sessions/" + sessionId + "/stop", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.daemon.runningSessions().contains(sessionId));
	}

	@Test
	void streamResumesAfterTheLastEventId() {
		String sessionId = spawn();
		post("/happy/sessions/" + sessionId + "/messages", Map.of("text", "Hi"));
		this.client.get().uri("/happy/sessions/{id}/turn", sessionId).exchange().expectStatus().isOk();
		List<ServerSentEvent<Map<String, Object>>> all = events(sessionId, null, 4);

		List<ServerSentEvent<Map<String, Object>>> rest = events(sessionId, all.get(1).id(), 2);

		assertThat(rest).extracting(ServerSentEvent::id).containsExactly(all.get(2).id(), all.get(3).id());
		post("/happy/sessions/" + sessionId + "/stop", Map.of());
	}

	@Test
	void spawnWithoutAMachineOrADirectoryAndAPromptWithoutTextAreAnswered400() {
		this.client.post()
			.uri("/happy/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("directory", "/tmp"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/happy/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("machineId", "m1"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/happy/sessions/{id}/messages", "no-such-session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void unknownSessionIsAnswered404() {
		this.client.post()
			.uri("/happy/sessions/{id}/messages", "no-such-session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "Hello"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("Session not found")
			.jsonPath("$.statusCode")
			.isEqualTo(404)
			.jsonPath("$.message")
			.isNotEmpty()
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain("Exception"));
	}

	@Test
	void spawnOnAnUnknownMachineIsAnswered404() {
		for (Object machineId : List.of("cdb0c478-22e2-440e-8948-cc7015f3f0b5h", "../../etc/passwd", "%00", "\u0000", 0,
				new BigInteger("18446744073709551616"))) {
			this.client.post()
				.uri("/happy/sessions")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("machineId", machineId, "directory", "/tmp/fuzz"))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("Machine not found")
				.jsonPath("$.statusCode")
				.isEqualTo(404);
		}
	}

	@Test
	void spawnTheDaemonRefusesIsAnswered400() {
		this.daemon.failSpawns("Unable to create directory at '/root/x'. EACCES: permission denied");
		try {
			this.client.post()
				.uri("/happy/sessions")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("machineId", this.daemon.machineId(), "directory", "/root/x"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("Spawn refused")
				.jsonPath("$.statusCode")
				.isEqualTo(400)
				.jsonPath("$.message")
				.value((String message) -> assertThat(message).contains("Unable to create directory at '/root/x'"));
		}
		finally {
			this.daemon.failSpawns(null);
		}
	}

	@Test
	void fakeMachineKeepsItsNewestSessionsRunning() {
		List<String> spawned = new ArrayList<>();
		for (int i = 0; i <= OfflineHappyInitializer.MAX_RUNNING_SESSIONS; i++) {
			spawned.add(spawn());
		}
		assertThat(this.daemon.runningSessions()).hasSizeLessThanOrEqualTo(OfflineHappyInitializer.MAX_RUNNING_SESSIONS)
			.containsAll(spawned.subList(1, spawned.size()))
			.doesNotContain(spawned.get(0));
	}

	private String spawn() {
		return (String) post("/happy/sessions",
				Map.of("machineId", this.daemon.machineId(), "directory", "/home/fake/project"))
			.get("sessionId");
	}

	private List<ServerSentEvent<Map<String, Object>>> events(String sessionId, @Nullable String lastEventId,
			int count) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get()
			.uri("/happy/sessions/{id}/messages", sessionId)
			.accept(MediaType.TEXT_EVENT_STREAM);
		if (lastEventId != null) {
			request = request.header("Last-Event-ID", lastEventId);
		}
		return request.exchange().returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
		}).getResponseBody().take(count).collectList().block(Duration.ofSeconds(20));
	}

	private Map<String, Object> post(String path, Map<String, Object> body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

}
