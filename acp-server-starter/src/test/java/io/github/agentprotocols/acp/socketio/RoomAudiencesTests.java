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

import com.corundumstudio.socketio.SocketIONamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room's audience is sorted once and kept while its membership stays: a socket that
 * joins after an event gets the next, one that leaves or disconnects after an event is
 * not kept, and a room with a socket on long-polling is sorted for every event.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class RoomAudiencesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AcpSocketIoServer server;

	private AcpRest rest;

	private final List<TestSocket> sockets = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.rest = new AcpRest(this.port);
	}

	@AfterEach
	void close() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void aRoomOnWebSocketsIsSortedOnceWhileItsMembershipStays() {
		String thread = this.rest.thread();
		TestSocket socket = joined("websocket", thread);
		messageReaching(thread, "one", socket);
		RoomEmission.Audience audience = audience(thread);
		assertThat(audience.size()).isOne();
		assertThat(audience(thread)).isSameAs(audience);
	}

	@Test
	void aSocketThatJoinsAfterAnEventGetsTheNextOne() {
		String thread = this.rest.thread();
		TestSocket early = joined("websocket", thread);
		messageReaching(thread, "one", early);
		TestSocket late = joined("websocket", thread);
		String two = messageReaching(thread, "two", early, late);
		assertThat(ids(late)).containsExactly(two);
		assertThat(audience(thread).size()).isEqualTo(2);
	}

	@Test
	void aSocketThatLeavesAfterAnEventGetsNoMore() {
		String thread = this.rest.thread();
		TestSocket staying = joined("websocket", thread);
		TestSocket leaving = joined("websocket", thread);
		String one = messageReaching(thread, "one", staying, leaving);
		leaving.emit("thread:leave", "{\"thread_id\":\"" + thread + "\"}");
		String two = messageReaching(thread, "two", staying);
		leaving.sync();
		assertThat(ids(staying)).containsExactly(one, two);
		assertThat(ids(leaving)).containsExactly(one);
	}

	@Test
	void aSocketThatDisconnectsAfterAnEventIsNotKept() {
		String thread = this.rest.thread();
		TestSocket staying = joined("websocket", thread);
		TestSocket leaving = joined("websocket", thread);
		String one = messageReaching(thread, "one", staying, leaving);
		assertThat(audience(thread).size()).isEqualTo(2);
		int connected = namespace().getAllClients().size();
		leaving.close();
		await().until(() -> namespace().getAllClients().size() == connected - 1);
		String two = messageReaching(thread, "two", staying);
		assertThat(audience(thread).size()).isOne();
		assertThat(ids(staying)).containsExactly(one, two);
	}

	@Test
	void aRoomWithASocketOnLongPollingIsSortedForEveryEvent() {
		String thread = this.rest.thread();
		messageReaching(thread, "one", joined("websocket", thread), joined("polling", thread));
		RoomEmission.Audience audience = audience(thread);
		assertThat(audience.queued()).hasSize(1);
		assertThat(audience(thread)).isNotSameAs(audience);
	}

	private TestSocket joined(String transport, String thread) {
		TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, transport, "alice").connected();
		this.sockets.add(socket);
		JsonNode ack = socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		assertThat(ack.has("error")).as(ack.toString()).isFalse();
		return socket;
	}

	/**
	 * Posts a message and waits until each of the sockets has it.
	 */
	private String messageReaching(String thread, String text, TestSocket... sockets) {
		String id = this.rest.message("alice", thread, text).get("id").stringValue();
		for (TestSocket socket : sockets) {
			socket.awaitReceived("event", (event) -> id.equals(event.get("id").stringValue()));
		}
		return id;
	}

	private RoomEmission.Audience audience(String thread) {
		return this.server.audiences().of(namespace(), SocketIoEvents.room(thread));
	}

	private SocketIONamespace namespace() {
		return this.server.namespaces().iterator().next();
	}

	private static List<String> ids(TestSocket socket) {
		return socket.received("event").stream().map((event) -> event.get("id").stringValue()).toList();
	}

}
