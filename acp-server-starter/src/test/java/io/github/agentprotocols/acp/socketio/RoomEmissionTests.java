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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * payload, after what was emitted to the sockets before it.
 */
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class RoomEmissionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	private final List<TestSocket> sockets = new ArrayList<>();

	@AfterEach
	void close() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void anEventIsEncodedOnceForEveryWebSocketAndReachesEverySocket() throws Exception {
		for (String transport : List.of("websocket", "websocket", "websocket", "polling")) {
			this.sockets.add(TestSocket.open("http://127.0.0.1:" + this.port, transport, "alice").connected());
		}
		Collection<SocketIOClient> connected = await()
			.until(() -> this.server.namespaces().iterator().next().getAllClients(), (all) -> all.size() == 4);
		AcpChannelInitializer pipeline = this.server.pipeline();
		assertThat(pipeline).isNotNull();
		AtomicInteger encoded = new AtomicInteger();
		PacketEncoder counting = new PacketEncoder(new Configuration(), pipeline.packetEncoder().getJsonSupport()) {

			@Override
			public void encodePacket(Packet packet, ByteBuf buffer, ByteBufAllocator allocator, boolean binary)
					throws IOException {
				encoded.incrementAndGet();
				super.encodePacket(packet, buffer, allocator, binary);
			}

		};
		for (int n = 1; n <= 3; n++) {
			RoomEmission.emit(connected, "/", "event", new RawValue("{\"n\":" + n + "}"), counting,
					pipeline.maxFramePayload());
		}
		for (TestSocket socket : this.sockets) {
			socket.awaitReceived("event", (payload) -> payload.get("n").asInt() == 3);
			assertThat(socket.received("event")).extracting((payload) -> payload.get("n").asInt())
				.containsExactly(1, 2, 3);
		}
		assertThat(encoded).hasValue(3);
	}

	@Test
	void aPacketLargerThanAFrameIsLeftToNettySocketio() throws Exception {
		this.sockets.add(TestSocket.open("http://127.0.0.1:" + this.port, "websocket", "alice").connected());
		Collection<SocketIOClient> connected = await()
			.until(() -> this.server.namespaces().iterator().next().getAllClients(), (all) -> all.size() == 1);
		AcpChannelInitializer pipeline = this.server.pipeline();
		assertThat(pipeline).isNotNull();
		RoomEmission.emit(connected, "/", "event", new RawValue("{\"n\":\"" + "x".repeat(200) + "\"}"),
				pipeline.packetEncoder(), 100);
		assertThat(this.sockets.get(0).awaitReceived("event", (payload) -> true).get("n").stringValue()).hasSize(200);
	}

}
