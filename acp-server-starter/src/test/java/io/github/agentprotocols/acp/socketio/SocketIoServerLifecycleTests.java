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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.health.AcpHealthIndicator;
import io.netty.util.HashedWheelTimer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server as a lifecycle bean with its own port and an origin allow-list: reachable
 * directly as well as through the bridge, serving clients again after a restart, and
 * refusing origins outside the list on both transports and both ports.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.allowed-origins=https://app.example" })
@DirtiesContext
class SocketIoServerLifecycleTests extends SocketIoHttpTests {

	private static final int DIRECT_PORT = freePort();

	private static final String ALLOWED = "https://app.example";

	@Autowired
	ThreadStore store;

	@DynamicPropertySource
	static void directPort(DynamicPropertyRegistry registry) {
		registry.add("acp.socketio.port", () -> DIRECT_PORT);
	}

	@Test
	void ownPortServesClientsBesideTheApplicationsPort() {
		assertThat(this.server.port()).isEqualTo(DIRECT_PORT);
		for (String transport : List.of("websocket", "polling")) {
			assertServes("http://127.0.0.1:" + DIRECT_PORT, transport);
			assertServes("http://127.0.0.1:" + this.port, transport);
		}
	}

	@Test
	void restartedServerServesClientsAgain() {
		List<TestSocket> before = List.of(open("http://127.0.0.1:" + this.port, "websocket").connected(),
				open("http://127.0.0.1:" + DIRECT_PORT, "websocket").connected());
		try {
			this.server.stop();
			assertThat(this.server.isRunning()).isFalse();
			for (TestSocket socket : before) {
				await().atMost(Duration.ofSeconds(30)).until(() -> !socket.isConnected());
			}
			assertThat(handshake(this.port, null).statusCode()).isEqualTo(503);
		}
		finally {
			this.server.start();
		}
		assertThat(this.server.isRunning()).isTrue();
		for (String transport : List.of("websocket", "polling")) {
			assertServes("http://127.0.0.1:" + this.port, transport);
			assertServes("http://127.0.0.1:" + DIRECT_PORT, transport);
		}
	}

	@Test
	void restartsLeaveNoNettyTimerBehind() {
		AtomicInteger timers = (AtomicInteger) ReflectionTestUtils.getField(HashedWheelTimer.class, "INSTANCE_COUNTER");
		int before = timers.get();
		for (int i = 0; i < 5; i++) {
			this.server.stop();
			this.server.start();
		}
		assertThat(timers.get()).isEqualTo(before);
	}

	@Test
	void healthReportsTheServerAndItsConnectedSocketsAndIsDownWhileItIsStopped() {
		AcpHealthIndicator health = new AcpHealthIndicator(this.store, null, this.server);
		try (TestSocket socket = open("http://127.0.0.1:" + this.port, "websocket").connected()) {
			// sockets of earlier tests may still be disconnecting
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Health up = health.health().block(Duration.ofSeconds(10));
				assertThat(up.getStatus()).isEqualTo(Status.UP);
				assertThat(up.getDetails().get("socketio")).isEqualTo(Map.of("running", true, "sockets", 1));
			});
			this.server.stop();
			try {
				Health down = health.health().block(Duration.ofSeconds(10));
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails().get("socketio")).isEqualTo(Map.of("running", false, "sockets", 0));
			}
			finally {
				this.server.start();
			}
		}
	}

	@Test
	void originOutsideTheAllowListIsRefusedOnBothTransportsAndPorts() {
		for (int target : List.of(this.port, DIRECT_PORT)) {
			assertThat(handshake(target, FOREIGN).statusCode()).as("polling from a foreign origin").isEqualTo(403);
			assertThat(handshake(target, ALLOWED).statusCode()).as("polling from the allowed origin").isEqualTo(200);
			assertThat(handshake(target, null).statusCode()).as("polling without origin").isEqualTo(200);
			assertThat(upgrade(target, FOREIGN)).as("WebSocket from a foreign origin").isEqualTo(403);
			for (String transport : List.of("websocket", "polling")) {
				try (TestSocket foreign = TestSocket.open("http://127.0.0.1:" + target, transport, "alice",
						Map.of("Origin", List.of(FOREIGN)))) {
					assertThat(foreign.connectError()).as(transport).isNotNull();
				}
				try (TestSocket allowed = TestSocket.open("http://127.0.0.1:" + target, transport, "alice",
						Map.of("Origin", List.of(ALLOWED)))) {
					allowed.connected();
				}
			}
		}
	}

	private void assertServes(String url, String transport) {
		AcpRest rest = new AcpRest(this.port);
		String thread = rest.thread();
		try (TestSocket socket = open(url, transport).connected()) {
			JsonNode joined = socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
			assertThat(joined.get("thread_id").stringValue()).isEqualTo(thread);
			JsonNode posted = rest.message("alice", thread, "hi");
			socket.awaitReceived("event", (event) -> event.get("id").equals(posted.get("id")));
		}
	}

	private static TestSocket open(String url, String transport) {
		return TestSocket.open(url, transport, "alice", Map.of("Origin", List.of(ALLOWED)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
