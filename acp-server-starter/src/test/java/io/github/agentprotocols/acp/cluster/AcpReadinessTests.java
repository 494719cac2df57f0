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

package io.github.agentprotocols.acp.cluster;

import java.time.Duration;

import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance whose cluster relay cannot hear its channel refuses traffic: its readiness
 * goes {@code OUT_OF_SERVICE} while the Redis under the relay is down, and back once the
 * relay hears again. The Redis is a server of the test's own, killed and started again.
 */
@UsesRedisProcess
class AcpReadinessTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void refusesTrafficWhileTheRelayCannotHearItsChannel() {
		try (RedisServerProcess redis = RedisServerProcess.start();
				ConfigurableApplicationContext context = start(redis, "acp.cluster.readiness=true")) {
			AcpClusterRelay relay = context.getBean(AcpClusterRelay.class);
			WebTestClient client = client(context);
			assertReadiness(client, 200, "UP");
			redis.kill();
			await().atMost(WAIT).untilAsserted(() -> assertReadiness(client, 503, "OUT_OF_SERVICE"));
			assertThat(relay.isListening()).isFalse();
			redis.restart();
			await().atMost(WAIT).untilAsserted(() -> assertReadiness(client, 200, "UP"));
			assertThat(relay.isListening()).isTrue();
		}
	}

	@Test
	void staysReadyWhenTheApplicationOptsOut() {
		try (RedisServerProcess redis = RedisServerProcess.start();
				ConfigurableApplicationContext context = start(redis, "acp.cluster.readiness=false")) {
			AcpClusterRelay relay = context.getBean(AcpClusterRelay.class);
			WebTestClient client = client(context);
			assertThat(context.getBeanProvider(ReadinessCheck.class).stream()).as("no check to read").isEmpty();
			redis.kill();
			await().atMost(WAIT).until(() -> !relay.isListening());
			assertReadiness(client, 200, "UP");
		}
	}

	private static ConfigurableApplicationContext start(RedisServerProcess redis, String readiness) {
		return new SpringApplicationBuilder(ClusterTestApplication.class)
			.properties("server.port=0",
					"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
					"acp.cluster.transport=redis", "spring.data.redis.url=" + redis.url(),
					"management.endpoint.health.probes.enabled=true", "acp.cluster.probe-interval=1s", readiness)
			.run();
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static void assertReadiness(WebTestClient client, int status, String state) {
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(state);
	}

}
