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
import java.util.function.Consumer;

import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.awaitility.Awaitility.await;

/**
 * Each REST operation is observed as {@code acp.rest.operation}, a child of WebFlux's
 * {@code http.server.requests}, named by the protocol operation, with its outcome and the
 * ids it concerns.
 */
@SpringBootTest(classes = { AcpRestTestApplication.class, RestObservationTests.Observations.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class RestObservationTests {

	@Autowired
	TestObservationRegistry registry;

	@LocalServerPort
	int port;

	AcpHttp http;

	@BeforeEach
	void setUp() {
		this.http = new AcpHttp(this.port);
		this.registry.clear();
	}

	@Test
	void threadCreationIsObservedWithTheCreatedThreadInsideTheHttpRequest() {
		String thread = this.http.createThread("alice", "{}");
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "threads.create")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("acp.thread.id", thread)
			.hasContextualNameEqualTo("acp threads.create")
			.hasParentObservationContextMatching((parent) -> "http.server.requests".equals(parent.getName())));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("acp.rest.operation")
			.that()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void messageIsObservedWithItsThread() {
		String thread = this.http.createThread("alice", "{}");
		this.http
			.post("alice", "/threads/" + thread + "/messages", "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}")
			.ok();
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "messages.send")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("acp.thread.id", thread));
	}

	@Test
	void invocationIsObservedWithTheRunItCreated() {
		String thread = this.http.createThread("alice", "{}");
		AcpRestContractTests.addAssistant(this.http, thread, "helper");
		String run = AcpRestContractTests.startRun(this.http, thread, "helper");
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "runs.create")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("acp.thread.id", thread)
			.hasHighCardinalityKeyValue("acp.run.id", run));
	}

	@Test
	void refusedRequestIsObservedWithItsCodeAndNoError() {
		this.http.post(null, "/threads", "{}").isError(401, "unauthenticated");
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "threads.create")
			.hasLowCardinalityKeyValue("outcome", "unauthenticated")
			.doesNotHaveError());
	}

	@Test
	void failedRequestIsObservedWithItsError() {
		this.http.get("explode", "/threads").isError(500, "internal_error");
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "threads.list")
			.hasLowCardinalityKeyValue("outcome", "internal_error")
			.hasError());
	}

	@Test
	void unmatchedPathIsObservedAsNotFound() {
		this.http.get("alice", "/nothing").isError(404, "not_found");
		awaitObservation((observation) -> observation.hasLowCardinalityKeyValue("acp.operation", "unmatched")
			.hasLowCardinalityKeyValue("outcome", "not_found"));
	}

	/**
	 * Waits for an observation of a REST operation that meets the expectations: those
	 * with an outcome other than {@code unknown} have been stopped.
	 */
	private void awaitObservation(Consumer<ObservationContextAssert<?>> expectations) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasAnObservation(
						(observation) -> expectations.accept(observation.hasNameEqualTo("acp.rest.operation"))));
	}

	@Configuration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
