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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ShowcaseTest
class ShowcaseApplicationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	LimeEventDispatcher dispatcher;

	@Autowired
	FakeLimeApi lime;

	@Test
	void healthGroupGathersEveryProtocol() {
		health("/actuator/health/agentProtocols").jsonPath("$.components.hpp")
			.exists()
			.jsonPath("$.components.lime")
			.exists()
			.jsonPath("$.components.acp")
			.exists()
			.jsonPath("$.components.appControl")
			.exists()
			.jsonPath("$.components.happy")
			.exists();
	}

	@Test
	void embeddedDefaultsKeepTheStoresInMemoryWithoutAnyPostgresOrRedisConnection() {
		assertThat(this.context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		health("/actuator/health").jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc")
			.doesNotExist()
			.jsonPath("$.components.redis")
			.doesNotExist();
		health("/actuator/health/agentProtocols").jsonPath("$.components.acp.details.store")
			.isEqualTo("InMemoryThreadStore")
			.jsonPath("$.components.hpp.details.store")
			.isEqualTo("memory");
	}

	@Test
	void everyResponseClosesItsConnection() {
		this.client.get()
			.uri("/lime-login.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONNECTION, "close");
	}

	@Test
	void limeIsUpOnTheInProcessFakeLimeApiWithoutASiteToken() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/agentProtocols")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.lime.status")
				.isEqualTo("UP")
				.jsonPath("$.components.lime.details.stream")
				.isEqualTo("connected")
				.jsonPath("$.components.lime.details.apiBase")
				.value((apiBase) -> assertThat(apiBase.toString()).startsWith("http://127.0.0.1:")));
	}

	@Test
	void acpThreadsAreServedInMemoryForTheDemoUser() {
		this.client.post()
			.uri("/acp/threads")
			.header(DemoAcpAuthenticator.USER_HEADER, "ada")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.isNotEmpty();
		this.client.get()
			.uri("/acp/threads")
			.header(DemoAcpAuthenticator.USER_HEADER, "ada")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isNotEmpty();
	}

	@Test
	void acpRefusesADemoUserNameLongerThanAnIdentityIdAsUnauthenticated() {
		this.client.get()
			.uri("/acp/threads")
			.header(DemoAcpAuthenticator.USER_HEADER, "u".repeat(257))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("unauthenticated");
	}

	@Test
	void acpChatDemoAssistantAnswersInAThreadOfTheDemoUser() {
		String threadId = (String) acp(HttpMethod.POST, "/acp/threads", "{}", HttpStatus.CREATED).get("id");
		acp(HttpMethod.POST, "/acp/threads/" + threadId + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"demo\",\"name\":\"Demo assistant\"}}",
				HttpStatus.CREATED);
		acp(HttpMethod.POST, "/acp/threads/" + threadId + "/messages",
				"{\"content\":[{\"type\":\"text\",\"text\":\"What time is it?\"}]}", HttpStatus.CREATED);
		acp(HttpMethod.POST, "/acp/threads/" + threadId + "/invocations", "{\"assistant_ids\":[\"demo\"]}",
				HttpStatus.CREATED);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.client.get()
				.uri("/acp/threads/{id}/events?types=run.completed,tool.call", threadId)
				.header(DemoAcpAuthenticator.USER_HEADER, "ada")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[*].type")
				.isEqualTo(List.of("tool.call", "run.completed"))
				.jsonPath("$.items[0].tool.name")
				.isEqualTo("clock"));
	}

	@Test
	void acpChatPageIsServedWithTheSocketIoClientBundle() {
		this.client.get()
			.uri("/acp-chat.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<h1>ACP chat</h1>").contains("acp-chat/socket.io.min.js"));
		this.client.get()
			.uri("/acp-chat/socket.io.min.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((bundle) -> assertThat(bundle).startsWith("/*!\n * Socket.IO v4."));
	}

	private Map<String, Object> acp(HttpMethod method, String path, String body, HttpStatus status) {
		return this.client.method(method)
			.uri(path)
			.header(DemoAcpAuthenticator.USER_HEADER, "ada")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@Test
	void handshakeEndpointsServeBesideTheOtherStarters() {
		this.client.post()
			.uri("/handshake/session")
			.bodyValue("{\"mode\":\"form-fill\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sessionId")
			.isNotEmpty()
			.jsonPath("$.expiresIn")
			.isEqualTo(1800);
	}

	@Test
	void infoListsEveryProtocol() {
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectBody()
			.jsonPath("$.agentProtocols.length()")
			.isEqualTo(5)
			.jsonPath("$.agentProtocols.appControl.propertyPrefix")
			.isEqualTo("app-control");
	}

	@Test
	void limeLoginDemoLogsTheDemoAgentInOverServerSentEvents() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.dispatcher.getState().status() == LimeConnectionState.Status.CONNECTED);
		Map<String, Object> started = this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		this.client.post()
			.uri("/lime-login/demo-agent/{id}", started.get("requestId"))
			.exchange()
			.expectStatus()
			.isOk();

		ServerSentEvent<String> outcome = this.client.get()
			.uri((String) started.get("events"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.filter((event) -> event.event() != null)
			.blockFirst(Duration.ofSeconds(30));
		assertThat(outcome.event()).isEqualTo("logged-in");
		assertThat(outcome.data()).contains(this.lime.agentId());
	}

	@Test
	void limeLoginDemoPageIsServed() {
		this.client.get()
			.uri("/lime-login.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Log in with an AI agent"));
	}

	private BodyContentSpec health(String path) {
		return this.client.get().uri(path).exchange().expectStatus().isOk().expectBody();
	}

}
