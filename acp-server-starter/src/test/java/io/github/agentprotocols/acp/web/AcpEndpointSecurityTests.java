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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code acp} endpoint behind the application's actuator security: the starter adds
 * no rule of its own, so cancelling a run takes whatever the application asks of an
 * actuator call, while the protocol's REST API keeps its own authentication.
 */
class AcpEndpointSecurityTests {

	@Test
	void cancellingARunTakesTheApplicationsActuatorRole() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AcpRestTestApplication.class,
				ActuatorSecurity.class)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
					"management.endpoints.web.exposure.include=acp")
			.run()) {
			AcpHttp http = new AcpHttp(
					context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			String thread = AcpRestContractTests.fixtureThread(http);
			String run = AcpRestContractTests.startRun(http, thread, "slow");
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(10))
				.build();
			client.get().uri("/actuator/acp/" + run).exchange().expectStatus().isUnauthorized().expectBody(Void.class);
			client.delete()
				.uri("/actuator/acp/" + run)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody(Void.class);
			client.delete()
				.uri("/actuator/acp/" + run)
				.header("Authorization", basic("alice"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody(Void.class);
			assertThat(http.get("alice", "/runs/" + run).json().get("status").stringValue())
				.as("the run after refused cancellations")
				.isIn("pending", "running");
			client.delete()
				.uri("/actuator/acp/" + run)
				.header("Authorization", basic("operator"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.requested")
				.isEqualTo(true);
			assertThat(AcpRestContractTests.awaitEnded(http, run).get("status").stringValue()).isEqualTo("cancelled");
		}
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The application's security: its actuator takes the {@code ACTUATOR} role, the rest
	 * (the ACP API, which authenticates its callers itself) is open.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class ActuatorSecurity {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/actuator/**").hasRole("ACTUATOR").anyExchange().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("alice").password("{noop}secret").roles("USER").build(),
					User.withUsername("operator").password("{noop}secret").roles("ACTUATOR").build());
		}

	}

}
