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

package io.github.agentprotocols.samples.limelogin;

import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page's API over HTTP against the kit's fake LIME API: a login's outcome pushed as
 * one Server-Sent Event, and bad input answered with 4xx JSON.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureFakeLimeApi
class LimeLoginApiTests {

	private static final Duration OUTCOME = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	FakeLimeApi lime;

	@Autowired
	LimeEventDispatcher dispatcher;

	@BeforeEach
	void limeStreamIsOpen() {
		await().atMost(OUTCOME).until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
	}

	@Test
	void demoAgentApprovalIsPushedAsLoggedInAsTheAgent() {
		Map<String, Object> started = start();
		this.client.post()
			.uri("/lime-login/demo-agent/{id}", started.get("requestId"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.agentId")
			.isEqualTo(this.lime.agentId());

		ServerSentEvent<Map<String, Object>> outcome = outcome(started);
		assertThat(outcome.event()).isEqualTo("logged-in");
		assertThat(outcome.data()).containsEntry("agentId", this.lime.agentId());
	}

	@Test
	void startAnswersWhatTheAgentAndThePageNeed() {
		Map<String, Object> started = start();
		String requestId = (String) started.get("requestId");
		assertThat(started).containsEntry("apiBase", this.lime.baseUrl())
			.containsEntry("events", "/lime-login/requests/" + requestId + "/events")
			.containsKey("expiresAt");
		assertThat(this.lime.status(requestId)).hasToString("PENDING");
	}

	@Test
	void passportOfAnotherRequestIsPushedAsRefused() {
		Map<String, Object> started = start();
		String requestId = (String) started.get("requestId");
		this.lime.emitApproved(requestId, this.lime.passports().login("another-request"));

		ServerSentEvent<Map<String, Object>> outcome = outcome(started);
		assertThat(outcome.event()).isEqualTo("refused");
		assertThat((String) outcome.data().get("reason")).contains("request_id");
	}

	@Test
	void expiryIsPushedAsExpired() {
		Map<String, Object> started = start();
		this.lime.expire((String) started.get("requestId"));

		assertThat(outcome(started).event()).isEqualTo("expired");
	}

	@Test
	void eventsOfAnUnknownRequestAre404Json() {
		this.client.get()
			.uri("/lime-login/requests/{id}/events", "lr_unknown")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("No login request with this id was started here");
	}

	@Test
	void demoAgentForAnUnknownRequestIs404JsonWithoutReachingLime() {
		this.client.post()
			.uri("/lime-login/demo-agent/{id}", this.lime.createLoginRequestDirectly())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		assertThat(this.lime.requests().count(Endpoint.APPROVE)).isZero();
	}

	@Test
	void secondApprovalIs409Json() {
		Object requestId = start().get("requestId");
		this.client.post().uri("/lime-login/demo-agent/{id}", requestId).exchange().expectStatus().isOk();
		this.client.post()
			.uri("/lime-login/demo-agent/{id}", requestId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.error")
			.value((error) -> assertThat(error.toString()).contains("LIME refused the demo agent"));
	}

	@Test
	void approvalAfterExpiryIs410Json() {
		Object requestId = start().get("requestId");
		this.lime.expire((String) requestId);
		this.client.post()
			.uri("/lime-login/demo-agent/{id}", requestId)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void limeRefusingTheSiteTokenIs502Json() {
		this.lime.suspendSite(true);
		this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("LIME refused this site's token");
	}

	@Test
	void limeRateLimitIs429JsonWithItsRetryAfter() {
		this.lime.faults().retryAfter(Duration.ofMinutes(5)).failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 429);
		this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "300")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429);
	}

	@Test
	void wrongMethodIs405Json() {
		this.client.get()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void demoAgentIsAvailableWithTheFake() {
		this.client.get()
			.uri("/lime-login/demo-agent")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(true);
	}

	@Test
	void homeLeadsToThePage() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isTemporaryRedirect()
			.expectHeader()
			.location("/lime-login.html");
		this.client.get()
			.uri("/lime-login.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Log in with an AI agent"));
	}

	private Map<String, Object> start() {
		return this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private ServerSentEvent<Map<String, Object>> outcome(Map<String, Object> started) {
		return this.client.get()
			.uri((String) started.get("events"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.filter((event) -> event.event() != null)
			.blockFirst(OUTCOME);
	}

}
