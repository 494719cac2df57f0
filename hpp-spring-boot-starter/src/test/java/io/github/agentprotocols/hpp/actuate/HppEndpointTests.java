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

import java.time.Duration;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.WsProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hpp} actuator endpoint, on the management port of a running application.
 */
class HppEndpointTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void countsOutlinesAndEndsSessionsOnceExposed() throws Exception {
		try (ConfigurableApplicationContext context = start("management.endpoints.web.exposure.include=hpp")) {
			HttpProbe http = new HttpProbe(port(context, "local.server.port"));
			WebTestClient management = management(context);
			JsonNode created = http
				.create("""
						{"mode":"form-fill","schema":[{"key":"age","type":"int","required":true},{"key":"name","type":"string"}],
						"context":{"name":"Ada"}}""");
			String sessionId = created.get("sessionId").stringValue();
			String token = created.get("token").stringValue();
			management.get()
				.uri("/actuator/hpp")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.store")
				.isEqualTo("memory")
				.jsonPath("$.count")
				.isEqualTo(1);
			management.get()
				.uri("/actuator/hpp/" + sessionId)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(sessionId)
				.jsonPath("$.mode")
				.isEqualTo("form-fill")
				.jsonPath("$.fields")
				.isEqualTo(1)
				.jsonPath("$.missing[0]")
				.isEqualTo("age")
				.jsonPath("$.token")
				.doesNotExist();
			try (WsProbe browser = WsProbe.open(port(context, "local.server.port"),
					"/ws/handshake/" + sessionId + "?token=" + token)) {
				assertThat(browser.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
				management.delete()
					.uri("/actuator/hpp/" + sessionId)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.ended")
					.isEqualTo(true);
				JsonNode closed = browser.nextEvent(WAIT);
				assertThat(closed.get("type").stringValue()).isEqualTo("error");
				assertThat(closed.get("msg").stringValue()).isEqualTo("session closed");
			}
			assertThat(http.get("/handshake/context/" + sessionId, token).status()).isEqualTo(404);
			management.get()
				.uri("/actuator/hpp/" + sessionId)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(Void.class);
			management.delete()
				.uri("/actuator/hpp/" + sessionId)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.ended")
				.isEqualTo(false);
		}
	}

	@Test
	void isNotExposedUnlessTheApplicationSaysSo() {
		try (ConfigurableApplicationContext context = start()) {
			management(context).get()
				.uri("/actuator/hpp")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(Void.class);
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "management.server.port=0")
			.properties(properties)
			.run();
	}

	private static WebTestClient management(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port(context, "local.management.port"))
			.responseTimeout(WAIT)
			.build();
	}

	private static int port(ConfigurableApplicationContext context, String property) {
		return context.getEnvironment().getRequiredProperty(property, Integer.class);
	}

}
