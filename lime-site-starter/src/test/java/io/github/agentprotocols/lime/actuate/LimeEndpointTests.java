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

package io.github.agentprotocols.lime.actuate;

import java.time.Duration;

import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The {@code lime} actuator endpoint of a running application reading the fake LIME API's
 * stream.
 */
@SpringBootTest(classes = LimeEndpointTests.EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=lime")
@AutoConfigureWebTestClient
@DirtiesContext
class LimeEndpointTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension((fake) -> fake.sseIds(true));

	@DynamicPropertySource
	static void lime(DynamicPropertyRegistry registry) {
		registry.add("lime.site.api-base", () -> lime.fake().baseUrl());
		registry.add("lime.site.token", () -> lime.fake().siteToken());
	}

	@Autowired
	WebTestClient client;

	@Test
	void showsTheStreamItsPositionAndNoLeaderWithOneInstance() {
		await().atMost(Duration.ofSeconds(10)).until(() -> lime.fake().openStreams() == 1);
		String requestId = lime.fake().createLoginRequestDirectly();
		lime.fake().emitExpired(requestId);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/lime")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.running")
				.isEqualTo(true)
				.jsonPath("$.connection")
				.isEqualTo("connected")
				.jsonPath("$.lastEventId")
				.isNotEmpty()
				.jsonPath("$.lastEventTime")
				.isNotEmpty()
				.jsonPath("$.leader")
				.doesNotExist());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EndpointApplication {

	}

}
