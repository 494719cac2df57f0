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

package io.github.agentprotocols.happy.actuate;

import java.time.Duration;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The {@code happy} actuator endpoint of a running application driving the fake Happy
 * server, with a session spawned on a fake daemon.
 */
class HappyEndpointTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void showsTheServerTheSocketAndTheActiveSessions() {
		try (FakeHappyServer server = FakeHappyServer.start()) {
			HappyTestAccount account = HappyTestAccount.create(server);
			try (FakeHappyDaemon daemon = FakeHappyDaemon.start(account);
					ConfigurableApplicationContext context = start(account,
							"management.endpoints.web.exposure.include=happy")) {
				String session = context.getBean(HappyClient.class).spawnSession(daemon.machineId(), "/tmp");
				WebTestClient client = client(context);
				await().atMost(WAIT)
					.untilAsserted(() -> client.get()
						.uri("/actuator/happy")
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody()
						.jsonPath("$.serverUrl")
						.isEqualTo(account.serverUrl())
						.jsonPath("$.socketConnected")
						.isEqualTo(true)
						.jsonPath("$.activeSessions[0].id")
						.isEqualTo(session)
						.jsonPath("$.activeSessions[0].metadata")
						.doesNotExist());
			}
		}
	}

	@Test
	void isNotExposedUnlessTheApplicationSaysSo() {
		try (FakeHappyServer server = FakeHappyServer.start();
				ConfigurableApplicationContext context = start(HappyTestAccount.create(server),
						"spring.main.banner-mode=off")) {
			client(context).get().uri("/actuator/happy").exchange().expectStatus().isNotFound().expectBody(Void.class);
		}
	}

	private static ConfigurableApplicationContext start(HappyTestAccount account, String property) {
		return new SpringApplicationBuilder(EndpointApplication.class)
			.properties("server.port=0", "happy.home-dir=target/no-happy-home",
					"happy.server-url=" + account.serverUrl(), "happy.token=" + account.token(),
					"happy.secret=" + account.secretBase64(), property)
			.run();
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"))
			.responseTimeout(WAIT)
			.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EndpointApplication {

	}

}
