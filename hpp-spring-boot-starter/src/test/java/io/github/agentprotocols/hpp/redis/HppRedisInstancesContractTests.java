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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.WsProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application on random ports share one real Redis
 * ({@code hpp.store.type=redis}): a browser connected to one sees what the agent does
 * through the other. Subclasses start the instances.
 */
abstract class HppRedisInstancesContractTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String PREFIX = "hpp-test-" + UUID.randomUUID() + ":";

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static HttpProbe httpA;

	static HttpProbe httpB;

	@Test
	void sessionCreatedOnOneInstanceIsServedByTheOther() {
		Session s = create(httpA);
		Reply context = httpB.get("/handshake/context/" + s.sid(), s.token());
		assertThat(context.status()).isEqualTo(200);
		assertThat(context.json().at("/context/name/value").stringValue()).isEqualTo("Bob");
		assertThat(context.json().at("/context/name/by").stringValue()).isEqualTo("user");
		assertThat(context.json().get("missing").toString()).isEqualTo("[\"age\"]");
		assertThat(httpB.get("/handshake/context/" + s.sid(), "wrong").status()).isEqualTo(403);
		assertThat(httpB.get("/handshake/context/unknown", s.token()).status()).isEqualTo(404);
	}

	@Test
	void browserOnOneInstanceSeesActionsPostedToTheOtherInOrder() throws Exception {
		Session s = create(httpA);
		try (WsProbe ws = connect(port(a), s)) {
			Reply reply = httpB.post("/handshake/action/" + s.sid(), s.token(), """
					{"actions":[{"type":"set","key":"age","value":41},{"type":"set","key":"city","value":"Oslo"},\
					{"type":"set","key":"tags","value":["a",{"b":1.5}]}],"intervalMs":30}""");
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().get("applied").toString()).isEqualTo("[\"age\",\"city\",\"tags\"]");
			assertThat(reply.json().at("/broadcast/clients").asInt()).isEqualTo(1);
			assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"action\",\"key\":\"age\",\"value\":41}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"action\",\"key\":\"city\",\"value\":\"Oslo\"}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"action\",\"key\":\"tags\",\"value\":[\"a\",{\"b\":1.5}]}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":3,\"rejected\":[],\"missing\":[]}");
			assertThat(httpA.get("/handshake/context/" + s.sid(), s.token()).json().at("/context/age/value").asInt())
				.isEqualTo(41);
		}
	}

	@Test
	void closingOnOneInstanceClosesTheSocketsOfBoth() throws Exception {
		Session s = create(httpA);
		try (WsProbe onA = connect(port(a), s); WsProbe onB = connect(port(b), s)) {
			assertThat(httpB.delete("/handshake/session/" + s.sid(), s.token()).status()).isEqualTo(200);
			for (WsProbe ws : List.of(onA, onB)) {
				assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session closed\"}");
				assertThat(ws.awaitClose(WAIT)).isEqualTo(1000);
			}
		}
		assertThat(httpA.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(404);
	}

	@Test
	void batchesPostedToBothInstancesArriveWholeAndInOrder() throws Exception {
		Session s = create(httpA);
		try (WsProbe onA = connect(port(a), s); WsProbe onB = connect(port(b), s)) {
			httpA.post("/handshake/action/" + s.sid(), s.token(), """
					{"actions":[{"type":"set","key":"a","value":1},{"type":"set","key":"b","value":2},\
					{"type":"set","key":"c","value":3}],"intervalMs":300}""");
			httpB.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"d\",\"value\":4}],\"intervalMs\":0}");
			httpA.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"e\",\"value\":5}],\"intervalMs\":0}");
			for (WsProbe ws : List.of(onA, onB)) {
				List<String> order = new ArrayList<>();
				while (order.size() < 8) {
					JsonNode event = ws.nextEvent(WAIT);
					order.add(event.get("type").stringValue() + ":" + event.path("key").asString(""));
				}
				assertThat(order).containsExactly("action:a", "action:b", "action:c", "done:", "action:d", "done:",
						"action:e", "done:");
			}
		}
	}

	@Test
	void busySessionServedByBothInstancesLosesNoWriteAndKeepsEachBatchWhole() throws Exception {
		Session s = create(httpA);
		int requests = 32;
		ExecutorService agents = Executors.newFixedThreadPool(16);
		try (WsProbe ws = connect(port(a), s)) {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				HttpProbe instance = (i % 2 == 0) ? httpA : httpB;
				String body = """
						{"actions":[{"type":"set","key":"r%1$d-0","value":%1$d},\
						{"type":"set","key":"r%1$d-1","value":%1$d}],"intervalMs":0}""".formatted(i);
				replies.add(agents.submit(() -> instance.post("/handshake/action/" + s.sid(), s.token(), body)));
			}
			for (Future<Reply> reply : replies) {
				assertThat(reply.get().status()).isEqualTo(200);
				assertThat(reply.get().json().get("applied")).hasSize(2);
			}
			Set<Integer> delivered = new HashSet<>();
			for (int batch = 0; batch < requests; batch++) {
				JsonNode first = ws.nextEvent(WAIT);
				JsonNode second = ws.nextEvent(WAIT);
				JsonNode done = ws.nextEvent(WAIT);
				int request = first.get("value").asInt();
				assertThat(first.get("key").stringValue()).isEqualTo("r" + request + "-0");
				assertThat(second.get("key").stringValue()).as("the batch's actions arrive together")
					.isEqualTo("r" + request + "-1");
				assertThat(done.toString())
					.isEqualTo("{\"type\":\"done\",\"applied\":2,\"rejected\":[],\"missing\":[\"age\"]}");
				delivered.add(request);
			}
			assertThat(delivered).hasSize(requests);
			JsonNode context = httpB.get("/handshake/context/" + s.sid(), s.token()).json().get("context");
			for (int i = 0; i < requests; i++) {
				assertThat(context.at("/r" + i + "-0/value").asInt()).isEqualTo(i);
				assertThat(context.at("/r" + i + "-1/by").stringValue()).isEqualTo("ai");
			}
			assertThat(context.size()).isEqualTo(2 + 2 * requests);
		}
		finally {
			agents.shutdownNow();
		}
	}

	@Test
	void extensionOnOneInstanceIsAnnouncedOnTheOther() throws Exception {
		Session s = create(httpA);
		try (WsProbe ws = connect(port(a), s)) {
			Reply reply = httpB.post("/handshake/session/" + s.sid() + "/extend", s.token(), "{\"extraSeconds\":60}");
			assertThat(reply.status()).isEqualTo(200);
			JsonNode extended = ws.nextEvent(WAIT);
			assertThat(extended.get("type").stringValue()).isEqualTo("extended");
			assertThat(extended.get("expiresIn").asInt()).isBetween(1859, 1860);
		}
	}

	@Test
	void userEditOnOneInstanceLocksTheFieldForTheAgentOnTheOther() throws Exception {
		Session s = create(httpA);
		try (WsProbe ws = connect(port(a), s)) {
			ws.send("{\"type\":\"userEdit\",\"key\":\"age\",\"value\":30}");
			// at most 40 reads of the context, well within the session's 60 a minute
			await().atMost(WAIT)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> httpB.get("/handshake/context/" + s.sid(), s.token())
					.json()
					.at("/context/age/by")
					.asString("")
					.equals("user"));
			Reply reply = httpB.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":99}],\"intervalMs\":0}");
			assertThat(reply.json().get("applied")).isEmpty();
			assertThat(reply.json().get("rejected").toString()).isEqualTo("[\"age\"]");
			assertThat(reply.json().at("/context/age/value").asInt()).isEqualTo(30);
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":0,\"rejected\":[\"age\"],\"missing\":[]}");
		}
	}

	@Test
	void expiryFoundByOneInstanceClosesConnectionsOnTheOther() throws Exception {
		Session s = create(httpA);
		try (WsProbe ws = connect(port(a), s)) {
			b.getBean(SessionStore.class).update(s.sid(), (session) -> {
				session.touch(Instant.now().minus(Duration.ofHours(2)));
				return true;
			}).block(WAIT);
			assertThat(b.getBean(HandshakeManager.class).removeExpired().block(WAIT)).isGreaterThanOrEqualTo(1);
			assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session expired\"}");
			assertThat(ws.awaitClose(WAIT)).isEqualTo(1000);
			assertThat(httpA.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(404);
		}
	}

	@Test
	void rateLimitIsSharedByTheInstances() {
		Session s = create(httpA);
		for (int i = 0; i < 60; i++) {
			HttpProbe instance = (i % 2 == 0) ? httpA : httpB;
			assertThat(instance.get("/handshake/diff/" + s.sid(), s.token()).status()).as("request %d", i + 1)
				.isEqualTo(200);
		}
		assertThat(httpA.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(429);
		assertThat(httpB.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(429);
	}

	@Test
	void healthOfBothInstancesReportsTheSharedStore() {
		create(httpB);
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			Health health = instance.getBean("hppHealthIndicator", ReactiveHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("store", "redis");
			assertThat((Long) health.getDetails().get("sessions")).isPositive();
		}
	}

	static ConfigurableApplicationContext instance(String... properties) {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + PREFIX,
					RedisFixture.connectionProperty(), "hpp.heartbeat-interval=5s")
			.properties(properties)
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	static Session create(HttpProbe http) {
		JsonNode created = http
			.create("""
					{"mode":"form-fill","schema":[{"key":"name","type":"string"},{"key":"age","type":"int","required":true}],
					"context":{"name":"Bob","age":null}}""");
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	private static WsProbe connect(int port, Session s) throws InterruptedException {
		WsProbe ws = WsProbe.open(port, "/ws/handshake/" + s.sid() + "?token=" + s.token());
		JsonNode connected = ws.nextEvent(WAIT);
		assertThat(connected.get("type").stringValue()).isEqualTo("connected");
		return ws;
	}

	record Session(String sid, String token) {
	}

}
