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

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Socket.IO meters ({@code acp.socketio.*}) read from a {@link SimpleMeterRegistry}
 * of this class's own while real clients (the Java {@code socket.io-client}, over
 * WebSocket through the bridge) are refused, connect, join with and without a replay,
 * receive events and lose access. Each meter is counted before what it counts reaches the
 * client, so the counts are exact once the client has seen it.
 */
@SpringBootTest(classes = { SocketIoTestApplication.class, SocketIoMetricsTests.Registry.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@DirtiesContext
class SocketIoMetricsTests {

	@LocalServerPort
	int port;

	@Autowired
	SimpleMeterRegistry registry;

	private final List<TestSocket> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void refusedConnectsAreCountedByTheirCodeAndNeverAsConnections() {
		double connectsBefore = this.registry.get("acp.socketio.connects").counter().count();
		for (String user : new String[] { null, "mallory", "explode" }) {
			assertThat(open(user).connectError()).isNotNull();
		}
		assertThat(count("acp.socketio.connects.rejected", "code", "unauthenticated")).isEqualTo(2);
		assertThat(count("acp.socketio.connects.rejected", "code", "internal_error")).isEqualTo(1);
		assertThat(this.registry.get("acp.socketio.connects").counter().count()).isEqualTo(connectsBefore);
		assertThat(gauge("acp.socketio.connections")).isZero();
	}

	@Test
	void connectsJoinsReplaysAndEmittedEventsAreCounted() {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		rest.addUser(thread, "bob");
		String other = rest.thread();
		JsonNode cursor = rest.message("alice", thread, "m0");
		rest.message("alice", thread, "m1");
		rest.message("alice", thread, "m2");
		double connectsBefore = this.registry.get("acp.socketio.connects").counter().count();
		TestSocket alice = open("alice").connected();
		TestSocket bob = open("bob").connected();
		assertThat(this.registry.get("acp.socketio.connects").counter().count()).isEqualTo(connectsBefore + 2);
		assertThat(gauge("acp.socketio.connections")).isEqualTo(2);
		assertThat(gauge("acp.socketio.rooms")).isZero();

		JsonNode resumed = alice.emit("thread:join",
				"{\"thread_id\":\"" + thread + "\",\"since\":" + SocketIoContractTests.cursor(cursor) + "}");
		assertThat(resumed.get("replayed")).hasSize(2);
		assertThat(bob.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}").get("replayed")).isEmpty();
		assertThat(alice.emit("thread:join", "{\"thread_id\":\"" + other + "\"}").get("replayed")).isEmpty();
		assertThat(bob.emit("thread:join", "{\"thread_id\":\"" + other + "\"}").get("error").get("code").stringValue())
			.isEqualTo("forbidden");
		DistributionSummary replayed = this.registry.get("acp.socketio.replay.events").summary();
		assertThat(replayed.count()).isEqualTo(3);
		assertThat(replayed.totalAmount()).isEqualTo(2);
		assertThat(replayed.max()).isEqualTo(2);
		assertThat(gauge("acp.socketio.rooms")).isEqualTo(2);

		JsonNode posted = rest.message("alice", thread, "m3");
		for (TestSocket socket : List.of(alice, bob)) {
			socket.awaitReceived("event", (event) -> event.get("id").equals(posted.get("id")));
		}
		assertThat(count("acp.socketio.events.out", "event", "event")).isEqualTo(2);

		rest.call(HttpMethod.DELETE, "alice", "/threads/" + thread + "/members/bob", null, 204);
		bob.awaitReceived("thread:removed", (removed) -> true);
		alice.sync();
		assertThat(count("acp.socketio.events.out", "event", "event")).isEqualTo(4);
		assertThat(count("acp.socketio.events.out", "event", "members:updated")).isEqualTo(2);
		assertThat(count("acp.socketio.events.out", "event", "thread:removed")).isEqualTo(1);
		assertThat(gauge("acp.socketio.rooms")).isEqualTo(2);

		alice.emit("thread:leave", "{\"thread_id\":\"" + other + "\"}");
		assertThat(gauge("acp.socketio.rooms")).isEqualTo(1);
		bob.close();
		await().until(() -> gauge("acp.socketio.connections") == 1);
		alice.close();
		await().until(() -> gauge("acp.socketio.rooms") == 0 && gauge("acp.socketio.connections") == 0);
	}

	private TestSocket open(String user) {
		TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, "websocket", user);
		this.sockets.add(socket);
		return socket;
	}

	private double count(String name, String tag, String value) {
		return this.registry.get(name).tag(tag, value).counter().count();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
