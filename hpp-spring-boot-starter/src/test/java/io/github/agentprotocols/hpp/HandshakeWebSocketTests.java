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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket channel with a real client (the JDK's): connect and refusals, paced
 * events, user edits, heartbeats and fan-out. The heartbeat interval is shortened to one
 * second; {@link HandshakeIdleConnectionIT} keeps a connection idle for over a minute
 * with the default interval.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hpp.heartbeat-interval=1s")
class HandshakeWebSocketTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	@SpecItem("HPP-12.21")
	void unknownSessionGetsAnErrorFrameThenClose() throws Exception {
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/unknown?token=T")) {
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session not found\"}");
			assertThat(ws.awaitClose(WAIT)).isEqualTo(1008);
		}
	}

	@Test
	@SpecItem("HPP-12.22")
	void wrongOrMissingTokenGetsAnErrorFrameThenClose() throws Exception {
		Session s = create();
		for (String query : new String[] { "?token=wrong", "", "?tok=" + s.token() }) {
			try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + query)) {
				assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"invalid token\"}");
				assertThat(ws.awaitClose(WAIT)).isEqualTo(1008);
			}
		}
	}

	@Test
	@SpecItem("HPP-12.23")
	void validTokenGetsTheConnectedFrameFirst() throws Exception {
		Session s = create();
		for (String query : new String[] { "?token=" + s.token(), "?foo=1&token=" + s.token() }) {
			try (WsProbe ws = connect(s, query)) {
				assertThat(ws.isOpen()).isTrue();
			}
		}
	}

	@Test
	@SpecItem("HPP-12.10")
	@SpecItem("HPP-12.24")
	void actionEventsArrivePacedThenDone() throws Exception {
		Session s = create();
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(), """
					{"actions":[{"type":"set","key":"a","value":"x é"},{"type":"set","key":"b","value":1}],\
					"intervalMs":50}""");
			assertThat(reply.json().at("/broadcast/clients").asInt()).isEqualTo(1);
			assertThat(reply.json().at("/broadcast/actionMessages").asInt()).isEqualTo(2);
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"action\",\"key\":\"a\",\"value\":\"x é\"}");
			assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"action\",\"key\":\"b\",\"value\":1}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":2,\"rejected\":[],\"missing\":[]}");
			this.http.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"c\",\"value\":2}],\"stream\":false}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":1,\"rejected\":[],\"missing\":[]}");
			this.http.post("/handshake/action/" + s.sid(), s.token(), "{}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":0,\"rejected\":[],\"missing\":[]}");
		}
	}

	@Test
	@SpecItem("HPP-12.24")
	@SpecItem("HPP-A2")
	void actionResponseComesFirstAndBatchesKeepTheirOrder() throws Exception {
		Session s = create();
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			Reply first = this.http.post("/handshake/action/" + s.sid(), s.token(), """
					{"actions":[{"type":"set","key":"a","value":1},{"type":"set","key":"b","value":2},\
					{"type":"set","key":"c","value":3}],"intervalMs":2000}""");
			Reply second = this.http.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"d\",\"value\":4}],\"intervalMs\":0}");
			assertThat(first.json().get("applied")).hasSize(3);
			assertThat(second.json().get("applied")).hasSize(1);
			// both responses arrived while the first batch is still being paced out: its
			// done event comes 3 x 2 s after it was queued, room for the second request
			List<JsonNode> early = ws.drain();
			assertThat(early).noneMatch((frame) -> frame.path("type").asString("").equals("done"));
			List<String> order = new ArrayList<>();
			early.forEach((event) -> order.add(event.get("type").stringValue() + ":" + event.path("key").asString("")));
			order.removeIf((entry) -> entry.startsWith("heartbeat"));
			while (order.size() < 6) {
				JsonNode event = ws.nextEvent(WAIT);
				order.add(event.get("type").stringValue() + ":" + event.path("key").asString(""));
			}
			assertThat(order).containsExactly("action:a", "action:b", "action:c", "done:", "action:d", "done:");
		}
	}

	@Test
	@SpecItem("HPP-12.20")
	void rejectedAndVetoedActionsAreNotStreamed() throws Exception {
		Session s = create();
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			this.http.post("/handshake/action/" + s.sid(), s.token(), """
					{"actions":[{"type":"set","key":"vetoed","value":1},{"type":"set","key":"name","value":"x"},\
					{"type":"set","key":"age","value":"old"}],"intervalMs":0}""");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":0,\"rejected\":[\"vetoed\",\"name\"],\"missing\":[]}");
		}
	}

	@Test
	@SpecItem("HPP-12.25")
	void userEditOverWebSocketChangesTheFieldWithoutReply() throws Exception {
		Session s = create();
		this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":30}],\"stream\":false}");
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			ws.send("{\"type\":\"userEdit\",\"key\":\"name\",\"value\":\"Zed\"}");
			ws.send("{\"type\":\"userEdit\",\"key\":\"age\",\"value\":31}");
			ws.send("{\"type\":\"userEdit\",\"value\":\"no key\"}");
			JsonNode context = awaitField(s, "age", "31");
			HandshakeProtocolTests.assertField(context, "name", "\"Zed\"", "user");
			HandshakeProtocolTests.assertField(context, "age", "31", "user_edit");
			JsonNode changes = this.http.get("/handshake/diff/" + s.sid(), s.token()).json().get("changes");
			HandshakeProtocolTests.assertChange(changes.get(changes.size() - 2), "name", "\"Bob\"", "\"Zed\"", "user");
			HandshakeProtocolTests.assertChange(changes.get(changes.size() - 1), "age", "30", "31", "user_edit");
			assertThat(ws.drain()).allMatch((frame) -> frame.get("type").stringValue().equals("heartbeat"));
		}
	}

	@Test
	@SpecItem("HPP-12.26")
	void junkMessagesAreIgnored() throws Exception {
		Session s = create();
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			ws.send("not json");
			ws.send("{\"type\":\"ping\"}");
			ws.send("5");
			ws.send("[1,2]");
			ws.send("{\"type\":\"userEdit\",\"key\":[1],\"value\":1}");
			this.http.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"intervalMs\":0}");
			assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
			assertThat(ws.isOpen()).isTrue();
		}
	}

	@Test
	@SpecItem("HPP-12.27")
	@SpecItem("HPP-A1")
	void heartbeatsKeepAnIdleConnectionOpen() throws Exception {
		Session s = create();
		try (WsProbe ws = connect(s, "?token=" + s.token())) {
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"heartbeat\"}");
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"heartbeat\"}");
			assertThat(ws.isOpen()).isTrue();
		}
	}

	@Test
	void everyOpenConnectionGetsItsOwnHeartbeats() throws Exception {
		List<WsProbe> connections = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				Session s = create();
				connections.add(connect(s, "?token=" + s.token()));
				connections.add(connect(s, "?token=" + s.token()));
			}
			for (WsProbe ws : connections) {
				assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"heartbeat\"}");
				assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"heartbeat\"}");
			}
		}
		finally {
			for (WsProbe ws : connections) {
				ws.close();
			}
		}
	}

	@Test
	@SpecItem("HPP-12.16")
	@SpecItem("HPP-12.28")
	void everyConnectionReceivesEveryBroadcast() throws Exception {
		Session s = create();
		try (WsProbe first = connect(s, "?token=" + s.token()); WsProbe second = connect(s, "?token=" + s.token())) {
			Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"intervalMs\":0}");
			assertThat(reply.json().at("/broadcast/clients").asInt()).isEqualTo(2);
			for (WsProbe ws : List.of(first, second)) {
				assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
				assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("done");
			}
			first.close();
			this.http.post("/handshake/session/" + s.sid() + "/extend", s.token(), "{\"extraSeconds\":60}");
			JsonNode extended = second.nextEvent(WAIT);
			assertThat(extended.get("type").stringValue()).isEqualTo("extended");
			assertThat(extended.get("expiresIn").asInt()).isBetween(1859, 1860);
			assertThat(second.isOpen()).isTrue();
		}
	}

	@Test
	@SpecItem("HPP-11.2.9")
	void pagesOfOtherOriginsAreRefusedByDefaultAndTheOwnOriginConnects() throws Exception {
		Session s = create();
		String path = "/ws/handshake/" + s.sid() + "?token=" + s.token();
		try (WsProbe ws = WsProbe.open(this.port, path, "Origin", "https://elsewhere.example")) {
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"origin not allowed\"}");
			assertThat(ws.awaitClose(WAIT)).isEqualTo(1008);
		}
		try (WsProbe ws = WsProbe.open(this.port, path, "Origin", "http://localhost:" + this.port)) {
			assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
		}
	}

	/**
	 * Reads the context until a field has a value. Polls at most 40 times within the
	 * wait, so that the session's budget of 60 requests a minute outlasts the polling.
	 */
	private JsonNode awaitField(Session s, String key, String value) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
			if (context.at("/context/" + key + "/value").toString().equals(value) || System.nanoTime() > deadline) {
				return context;
			}
			Thread.sleep(250);
		}
	}

	private WsProbe connect(Session s, String query) throws InterruptedException {
		WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + query);
		JsonNode connected = ws.next(WAIT);
		assertThat(connected.toString())
			.isEqualTo("{\"type\":\"connected\",\"sessionId\":\"" + s.sid() + "\",\"mode\":\"form-fill\"}");
		return ws;
	}

	private Session create() {
		return create("{\"mode\":\"form-fill\",\"schema\":[{\"key\":\"name\",\"type\":\"string\",\"required\":true},"
				+ "{\"key\":\"age\",\"type\":\"int\"}],\"context\":{\"name\":\"Bob\"}}");
	}

}
