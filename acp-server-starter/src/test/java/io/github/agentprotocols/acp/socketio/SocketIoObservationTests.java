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

package io.github.agentprotocols.acp.socketio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each namespace connect and client-to-server Socket.IO event is observed as
 * {@code acp.socketio.event} until it is answered, with its outcome; what it writes is
 * broadcast as a child of it.
 */
@SpringBootTest(classes = { SocketIoTestApplication.class, SocketIoObservationTests.Observations.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@DirtiesContext
class SocketIoObservationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestObservationRegistry registry;

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeEach
	void clear() {
		this.registry.clear();
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void connectsAreObservedWithTheirOutcome() {
		open("alice").connected();
		assertThat(open(null).connectError()).isNotNull();
		assertThat(open("explode").connectError()).isNotNull();
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "connect")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("acp.socketio.namespace", "/"));
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "connect")
			.hasLowCardinalityKeyValue("outcome", "unauthenticated")
			.doesNotHaveError());
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "connect")
			.hasLowCardinalityKeyValue("outcome", "internal_error"));
	}

	@Test
	void eventsAreObservedWithTheirThreadAndWhatTheyWriteIsBroadcastBelowThem() {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		TestSocket alice = open("alice").connected();
		alice.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		JsonNode sent = alice.emit("message:send",
				"{\"thread_id\":\"" + thread + "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
		assertThat(sent.get("event")).isNotNull();
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "thread:join")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("acp.thread.id", thread));
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "message:send")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasContextualNameEqualTo("acp.socketio message:send"));
		awaitObservation("acp.broadcast",
				(broadcast) -> broadcast.hasLowCardinalityKeyValue("acp.event.type", "message")
					.hasParentObservationContextMatching((parent) -> "acp.socketio.event".equals(parent.getName())));
	}

	@Test
	void refusedAndUnknownEventsAreObservedWithTheirCode() {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		TestSocket bob = open("bob").connected();
		assertThat(bob.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}").get("error").get("code").stringValue())
			.isEqualTo("forbidden");
		assertThat(bob.emit("nonsense", "{}").get("error").get("code").stringValue()).isEqualTo("invalid_request");
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "thread:join")
			.hasLowCardinalityKeyValue("outcome", "forbidden")
			.doesNotHaveError());
		awaitEvent((event) -> event.hasLowCardinalityKeyValue("acp.socketio.event", "unknown")
			.hasLowCardinalityKeyValue("outcome", "invalid_request"));
	}

	/**
	 * Waits for an event's observation that meets the expectations: those with an outcome
	 * other than {@code unknown} have been stopped.
	 */
	private void awaitEvent(Consumer<ObservationContextAssert<?>> expectations) {
		awaitObservation("acp.socketio.event", expectations);
	}

	private void awaitObservation(String name, Consumer<ObservationContextAssert<?>> expectations) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasAnObservation((observation) -> expectations.accept(observation.hasNameEqualTo(name))));
	}

	private TestSocket open(String user) {
		TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, "websocket", user);
		this.sockets.add(socket);
		return socket;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
