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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.util.RawValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event to a room's sockets is encoded once for all its WebSockets, and reaches every
 * socket, a long-polling one included (encoded by netty-socketio for it), with the same
 * payload, after what was emitted to the sockets before it: WebSockets written the
 * frame's bytes and WebSockets whose frames are compressed alike.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.websocket-compression=true" })
class RoomEmissionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	private final List<TestSocket> sockets = new ArrayList<>();

	private final List<RawEngineIoSocket> rawSockets = new ArrayList<>();

	@AfterEach
	void close() {
		this.sockets.forEach(TestSocket::close);
		this.rawSockets.forEach(RawEngineIoSocket::close);
	}

	@Test
	void anEventIsEncodedOnceForEveryWebSocketAndReachesEverySocket() throws Exception {
		for (String transport : List.of("websocket", "websocket", "websocket", "polling")) {
			this.sockets.add(TestSocket.open("http://127.0.0.1:" + this.port, transport, "alice").connected());
		}
		for (boolean compress : List.of(false, false, true)) {
			RawEngineIoSocket socket = RawEngineIoSocket.open(this.port, compress);
			this.rawSockets.add(socket);
			socket.send("40{\"user\":\"alice\"}");
			assertThat(socket.next()).startsWith("40{\"sid\"");
			assertThat(socket.isCompressed()).isEqualTo(compress);
		}
		SocketIONamespace namespace = this.server.namespaces().iterator().next();
		Collection<SocketIOClient> connected = await().until(namespace::getAllClients, (all) -> all.size() == 7);
		AcpChannelInitializer pipeline = this.server.pipeline();
		assertThat(pipeline).isNotNull();
		AtomicInteger written = new AtomicInteger();
		for (int n = 1; n <= 3; n++) {
			RoomEmission.emit(RoomEmission.audience(connected, namespace.getName()), namespace.getName(), "event",
					new CountedValue("{\"n\":" + n + "}", written), pipeline.packetEncoder(),
					pipeline.maxFramePayload());
		}
		for (TestSocket socket : this.sockets) {
			socket.awaitReceived("event", (payload) -> payload.get("n").asInt() == 3);
			assertThat(socket.received("event")).extracting((payload) -> payload.get("n").asInt())
				.containsExactly(1, 2, 3);
		}
		for (RawEngineIoSocket socket : this.rawSockets) {
			for (int n = 1; n <= 3; n++) {
				assertThat(socket.next()).isEqualTo("42[\"event\",{\"n\":" + n + "}]");
			}
		}
		assertThat(written).as("the payload written to JSON once an event, for all the sockets").hasValue(3);
	}

	@Test
	void aPacketLargerThanAFrameIsLeftToNettySocketio() throws Exception {
		this.sockets.add(TestSocket.open("http://127.0.0.1:" + this.port, "websocket", "alice").connected());
		SocketIONamespace namespace = this.server.namespaces().iterator().next();
		Collection<SocketIOClient> connected = await().until(namespace::getAllClients, (all) -> all.size() == 1);
		AcpChannelInitializer pipeline = this.server.pipeline();
		assertThat(pipeline).isNotNull();
		RoomEmission.emit(RoomEmission.audience(connected, namespace.getName()), namespace.getName(), "event",
				new RawValue("{\"n\":\"" + "x".repeat(200) + "\"}"), pipeline.packetEncoder(), 100);
		assertThat(this.sockets.get(0).awaitReceived("event", (payload) -> true).get("n").stringValue()).hasSize(200);
	}

	@Test
	void aPacketLargerThanAFrameKeepsItsPlaceBetweenTheEventsAroundIt() throws Exception {
		RawEngineIoSocket socket = RawEngineIoSocket.open(this.port);
		this.rawSockets.add(socket);
		socket.send("40{\"user\":\"alice\"}");
		assertThat(socket.next()).startsWith("40{\"sid\"");
		SocketIONamespace namespace = this.server.namespaces().iterator().next();
		Collection<SocketIOClient> connected = await().until(namespace::getAllClients, (all) -> all.size() == 1);
		Channel channel = RoomEmission.webSocket(connected.iterator().next());
		assertThat(channel).isNotNull();
		AcpChannelInitializer pipeline = this.server.pipeline();
		assertThat(pipeline).isNotNull();
		// the socket's event loop held until all three are emitted, so that the order
		// in which they reach it cannot depend on when it runs
		CountDownLatch held = new CountDownLatch(1);
		channel.eventLoop().execute(() -> awaitQuietly(held));
		String large = "x".repeat(200);
		for (String n : List.of("1", large, "3")) {
			RoomEmission.emit(RoomEmission.audience(connected, namespace.getName()), namespace.getName(), "event",
					new RawValue("{\"n\":\"" + n + "\"}"), pipeline.packetEncoder(), 100);
		}
		held.countDown();
		for (String n : List.of("1", large, "3")) {
			assertThat(socket.next()).isEqualTo("42[\"event\",{\"n\":\"" + n + "\"}]");
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A JSON value that counts how often it is written.
	 */
	private static final class CountedValue extends RawValue {

		private final AtomicInteger written;

		CountedValue(String json, AtomicInteger written) {
			super(json);
			this.written = written;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			this.written.incrementAndGet();
			super.serialize(generator, context);
		}

	}

}
