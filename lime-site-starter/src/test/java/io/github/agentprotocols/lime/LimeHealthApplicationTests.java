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

package io.github.agentprotocols.lime;

import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator's health of a Boot application whose site token LIME rejects on the event
 * stream: the {@code lime} contributor, and with it the {@code agentProtocols} group, is
 * DOWN instead of the stream retrying silently; and the instance refuses traffic, since
 * it could create login requests but would hear none of their outcomes: its readiness
 * goes {@code OUT_OF_SERVICE}.
 */
@SpringBootTest(classes = LimeHealthApplicationTests.HealthApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lime.site.token=st_rejected", "lime.site.sse.auth-rejection-limit=1",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" })
@AutoConfigureWebTestClient
@DirtiesContext
class LimeHealthApplicationTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	@DynamicPropertySource
	static void lime(DynamicPropertyRegistry registry) {
		registry.add("lime.site.api-base", () -> lime.fake().baseUrl());
	}

	@Autowired
	WebTestClient client;

	@Test
	@SpecItem("LIME-8.6")
	void streamAnswering401TurnsHealthDown() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/lime")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DOWN")
				.jsonPath("$.details.stream")
				.isEqualTo("auth_rejected")
				.jsonPath("$.details.apiBase")
				.isEqualTo(lime.fake().baseUrl())
				.jsonPath("$.details.lastFailure")
				.value((failure) -> assertThat(failure.toString()).contains("401")));
		this.client.get()
			.uri("/actuator/health/agentProtocols")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.components.lime.status")
			.isEqualTo("DOWN");
	}

	@Test
	void aRejectedSiteTokenTakesTheInstanceOutOfService() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("OUT_OF_SERVICE"));
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class HealthApplication {

	}

}
