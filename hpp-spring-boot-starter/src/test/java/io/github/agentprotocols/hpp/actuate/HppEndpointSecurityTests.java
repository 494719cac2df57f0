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

package io.github.agentprotocols.hpp.actuate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.agentprotocols.hpp.HttpProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The {@code hpp} endpoint behind the application's actuator security: the starter adds
 * no rule of its own, so ending a session takes whatever the application asks of an
 * actuator call.
 */
class HppEndpointSecurityTests {

	@Test
	void endingASessionTakesTheApplicationsActuatorRole() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecuredApplication.class)
			.properties("server.port=0", "management.endpoints.web.exposure.include=hpp")
			// security on, over the test resources' exclusion
			.run("--spring.autoconfigure.exclude=")) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			String sessionId = new HttpProbe(port).create("{\"mode\":\"form-fill\"}").get("sessionId").stringValue();
			WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
			client.delete()
				.uri("/actuator/hpp/" + sessionId)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody(Void.class);
			client.delete()
				.uri("/actuator/hpp/" + sessionId)
				.header("Authorization", basic("alice"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody(Void.class);
			client.delete()
				.uri("/actuator/hpp/" + sessionId)
				.header("Authorization", basic("operator"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.ended")
				.isEqualTo(true);
		}
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.matchers(EndpointRequest.toAnyEndpoint())
					.hasRole("ACTUATOR")
					.anyExchange()
					.permitAll())
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
