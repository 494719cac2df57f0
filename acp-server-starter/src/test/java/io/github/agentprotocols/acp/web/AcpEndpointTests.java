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

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.acp.web.AcpRestFixtureAssistants.Slow;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code acp} actuator endpoint, on the management port of a running application.
 */
class AcpEndpointTests {

	private static final List<String> IN_MEMORY = List.of(
			"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
			"management.server.port=0");

	@Test
	void showsTheRunsOfThisInstanceAndCancelsOne() {
		try (SeparateApplication application = SeparateApplication.start(IN_MEMORY,
				"management.endpoints.web.exposure.include=acp")) {
			AcpHttp http = application.http();
			WebTestClient management = management(application);
			String thread = AcpRestContractTests.fixtureThread(http);
			String run = AcpRestContractTests.startRun(http, thread, "slow");
			management.get()
				.uri("/actuator/acp")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.runIds[0]")
				.isEqualTo(run)
				.jsonPath("$.node")
				.isNotEmpty();
			management.get()
				.uri("/actuator/acp/" + run)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.threadId")
				.isEqualTo(thread)
				.jsonPath("$.assistantId")
				.isEqualTo("slow");
			management.delete()
				.uri("/actuator/acp/" + run)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.requested")
				.isEqualTo(true)
				.jsonPath("$.run.id")
				.isEqualTo(run);
			assertThat(AcpRestContractTests.awaitEnded(http, run).get("status").stringValue()).isEqualTo("cancelled");
			assertThat(application.bean(Slow.class).interrupted()).contains(run);
			management.get()
				.uri("/actuator/acp/" + run)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("cancelled")
				.jsonPath("$.completedAt")
				.isNotEmpty();
			management.get()
				.uri("/actuator/acp/run_unknown")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(Void.class);
			management.delete()
				.uri("/actuator/acp/run_unknown")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.requested")
				.isEqualTo(false);
		}
	}

	@Test
	void isNotExposedUnlessTheApplicationSaysSo() {
		try (SeparateApplication application = SeparateApplication.start(IN_MEMORY, "spring.main.banner-mode=off")) {
			management(application).get()
				.uri("/actuator/acp")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(Void.class);
		}
	}

	private static WebTestClient management(SeparateApplication application) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + application.property("local.management.port"))
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}
