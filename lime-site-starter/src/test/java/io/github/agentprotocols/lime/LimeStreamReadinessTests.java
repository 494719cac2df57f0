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

import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.awaitility.Awaitility.await;

/**
 * An instance whose event stream stays down longer than
 * {@code lime.site.sse.max-downtime} refuses traffic, and takes it again once the stream
 * is open: the stream is cut and every reconnect refused, then allowed.
 */
@SpringBootTest(classes = LimeStreamReadinessTests.ReadinessApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lime.site.sse.max-downtime=1s", "lime.site.sse.backoff-base=50ms",
				"lime.site.sse.max-backoff=200ms", "management.endpoint.health.probes.enabled=true" })
@AutoConfigureWebTestClient
@DirtiesContext
class LimeStreamReadinessTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	@DynamicPropertySource
	static void lime(DynamicPropertyRegistry registry) {
		registry.add("lime.site.api-base", () -> lime.fake().baseUrl());
		registry.add("lime.site.token", () -> lime.fake().siteToken());
	}

	@Autowired
	WebTestClient client;

	@Autowired
	LimeEventDispatcher dispatcher;

	@AfterEach
	void allowTheStream() {
		lime.fake().faults().reset();
	}

	@Test
	void aStreamDownPastItsDowntimeTakesTheInstanceOutOfServiceUntilItIsBack() {
		await().atMost(WAIT).until(() -> lime.fake().openStreams() > 0);
		readiness(HttpStatus.OK, "UP");
		lime.fake().faults().failNext(Endpoint.EVENTS, Integer.MAX_VALUE, 503).dropStreamsAfter(0, false);
		lime.fake().emitExpired(lime.fake().createLoginRequestDirectly());
		await().atMost(WAIT).until(() -> lime.fake().openStreams() == 0);
		readiness(HttpStatus.SERVICE_UNAVAILABLE, "OUT_OF_SERVICE");
		probe("/actuator/health/liveness").expectStatus().isOk();
		lime.fake().faults().reset();
		await().atMost(WAIT).until(() -> lime.fake().openStreams() > 0);
		readiness(HttpStatus.OK, "UP");
	}

	private void readiness(HttpStatus status, String state) {
		await().atMost(WAIT)
			.untilAsserted(() -> probe("/actuator/health/readiness").expectStatus()
				.isEqualTo(status)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(state));
	}

	/**
	 * Sends a probe; one left unanswered fails the test with the dispatcher's state and
	 * what the application's threads were doing, to tell why; not an assertion error,
	 * which the wait would retry. Unanswered means in {@link #PROBE_TIMEOUT}: twice a
	 * probe went past WebTestClient's default of 5 s in CI, under a load of three builds
	 * on two processors, the dispatcher connected and every thread idle when it was given
	 * up, which a slow answer explains.
	 */
	private ResponseSpec probe(String path) {
		try {
			return this.client.mutate().responseTimeout(PROBE_TIMEOUT).build().get().uri(path).exchange();
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("No answer to " + path + "; the stream is " + this.dispatcher.getState()
					+ "; threads:\n" + threads(), ex);
		}
	}

	private static String threads() {
		StringBuilder dump = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
			for (StackTraceElement element : stack) {
				dump.append("\tat ").append(element).append('\n');
			}
		});
		return dump.toString();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReadinessApplication {

	}

}
