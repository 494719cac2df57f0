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

package io.github.agentprotocols.commons.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs a real WebFlux application with actuator and two fake protocols, and reads the
 * {@code agentProtocols} health group and info entry over HTTP. Answers are awaited for
 * 30 s instead of WebTestClient's 5 s: the first request of a context just started may be
 * slow on a loaded machine.
 */
class AgentProtocolsAutoConfigurationIntegrationTests {

	@Nested
	@SpringBootTest(classes = TwoProtocolsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,info",
					"management.endpoint.health.show-details=always", "spring.test.webtestclient.timeout=30s" })
	@AutoConfigureWebTestClient
	class Defaults {

		@Autowired
		WebTestClient client;

		@Test
		void groupGathersProtocolIndicatorsOnly() {
			this.client.get()
				.uri("/actuator/health/agentProtocols")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.alpha.status")
				.isEqualTo("UP")
				.jsonPath("$.components.beta.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.beta.details.reason")
				.isEqualTo("store unreachable")
				.jsonPath("$.components.unrelated")
				.doesNotExist();
		}

		@Test
		void rootHealthListsTheGroup() {
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectBody()
				.jsonPath("$.groups[0]")
				.isEqualTo("agentProtocols")
				.jsonPath("$.components.unrelated.status")
				.isEqualTo("UP");
		}

		@Test
		void infoListsActiveProtocols() {
			this.client.get()
				.uri("/actuator/info")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.agentProtocols.alpha.title")
				.isEqualTo("Alpha Protocol")
				.jsonPath("$.agentProtocols.beta.propertyPrefix")
				.isEqualTo("beta-protocol");
		}

	}

	@Nested
	@SpringBootTest(classes = TwoProtocolsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoint.health.group.agentProtocols.include=unrelated",
					"management.endpoint.health.group.agentProtocols.show-components=always",
					"spring.test.webtestclient.timeout=30s" })
	@AutoConfigureWebTestClient
	class UserDefinedGroup {

		@Autowired
		WebTestClient client;

		@Test
		void userDefinitionWins() {
			this.client.get()
				.uri("/actuator/health/agentProtocols")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.unrelated.status")
				.isEqualTo("UP")
				.jsonPath("$.components.alpha")
				.doesNotExist();
		}

	}

	@SpringBootApplication
	static class TwoProtocolsApplication {

		@Bean
		AgentProtocol alphaProtocol() {
			return new AgentProtocol("alpha", "Alpha Protocol", "alpha");
		}

		@Bean
		AgentProtocol betaProtocol() {
			return new AgentProtocol("beta", "Beta Protocol", "beta-protocol");
		}

		@Bean
		HealthIndicator alphaHealthIndicator() {
			return () -> Health.up().build();
		}

		@Bean
		HealthIndicator betaHealthIndicator() {
			return () -> Health.down().withDetail("reason", "store unreachable").build();
		}

		@Bean
		HealthIndicator unrelatedHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
