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

package io.github.agentprotocols.happy.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP (spec §4.1–§4.9): create or load by tag, the three listings
 * with their order, paging and window, archive and delete.
 */
class FakeHappyServerSessionsTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private static FakeHappyServer server;

	private Rest rest;

	@BeforeAll
	static void start() {
		server = FakeHappyServer.builder().clock(clock).sweepInterval(Duration.ZERO).start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void account() {
		this.rest = new Rest(server.url(), new TestKeys().login(server));
	}

	@Test
	void newSessionStartsActiveAtVersionZeroAndIgnoresAgentState() {
		Rest.Answer answer = this.rest.post("/v1/sessions",
				"{\"tag\":\"t1\",\"metadata\":\"bWV0YQ==\",\"agentState\":\"c3RhdGU=\",\"dataEncryptionKey\":null}");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode session = answer.json().get("session");
		assertThat(session.get("id").asString()).matches("c[0-9a-z]{24}");
		assertThat(session.get("seq").asLong()).isZero();
		assertThat(session.get("active").asBoolean()).isTrue();
		assertThat(session.get("metadata").asString()).isEqualTo("bWV0YQ==");
		assertThat(session.get("metadataVersion").asLong()).isZero();
		assertThat(session.get("agentState").isNull()).isTrue();
		assertThat(session.get("agentStateVersion").asLong()).isZero();
		assertThat(session.get("dataEncryptionKey").isNull()).isTrue();
		assertThat(session.get("lastMessage").isNull()).isTrue();
		assertThat(session.get("createdAt").asLong()).isEqualTo(clock.millis());
		assertThat(session.get("activeAt").asLong()).isEqualTo(clock.millis());
	}

	@Test
	void sameTagReturnsTheExistingSessionUnchanged() {
		String id = create("same", "Zmlyc3Q=");
		JsonNode again = this.rest.post("/v1/sessions", "{\"tag\":\"same\",\"metadata\":\"c2Vjb25k\"}")
			.json()
			.get("session");
		assertThat(again.get("id").asString()).isEqualTo(id);
		assertThat(again.get("metadata").asString()).isEqualTo("Zmlyc3Q=");
	}

	@Test
	void createWithoutMetadataIsASchemaError() {
		Rest.Answer answer = this.rest.post("/v1/sessions", "{\"tag\":\"x\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString())
			.isEqualTo("body/metadata Invalid input: expected string, received undefined");
	}

	@Test
	void v1ListsNewestUpdatedFirstWithLastMessage() {
		String older = create("a", "YQ==");
		clock.advance(Duration.ofSeconds(1));
		String newer = create("b", "Yg==");
		clock.advance(Duration.ofSeconds(1));
		this.rest.post("/v3/sessions/" + older + "/messages",
				"{\"messages\":[{\"content\":\"eA==\",\"localId\":\"l1\"}]}");
		JsonNode sessions = this.rest.get("/v1/sessions").json().get("sessions");
		assertThat(ids(sessions)).containsExactly(older, newer);
		assertThat(sessions.get(0).has("lastMessage")).isTrue();
		assertThat(sessions.get(0).get("seq").asLong()).isEqualTo(1);
	}

	@Test
	void v2PagesByIdDescendingWithCursor() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(create("p" + i, "eA=="));
		}
		JsonNode first = this.rest.get("/v2/sessions?limit=2").json();
		assertThat(ids(first.get("sessions"))).containsExactly(created.get(4), created.get(3));
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		assertThat(first.get("nextCursor").asString()).isEqualTo("cursor_v1_" + created.get(3));
		assertThat(first.get("sessions").get(0).has("lastMessage")).isFalse();
		JsonNode second = this.rest.get("/v2/sessions?limit=2&cursor=" + first.get("nextCursor").asString()).json();
		assertThat(ids(second.get("sessions"))).containsExactly(created.get(2), created.get(1));
		JsonNode last = this.rest.get("/v2/sessions?limit=2&cursor=" + second.get("nextCursor").asString()).json();
		assertThat(ids(last.get("sessions"))).containsExactly(created.get(0));
		assertThat(last.get("hasNext").asBoolean()).isFalse();
		assertThat(last.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void v2FiltersByChangedSince() {
		String before = create("c0", "eA==");
		long since = clock.millis();
		clock.advance(Duration.ofSeconds(1));
		String after = create("c1", "eA==");
		JsonNode page = this.rest.get("/v2/sessions?changedSince=" + since).json();
		assertThat(ids(page.get("sessions"))).containsExactly(after).doesNotContain(before);
	}

	@Test
	void malformedCursorIsAnswered400() {
		Rest.Answer answer = this.rest.get("/v2/sessions?cursor=abc");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid cursor format\"}");
	}

	@Test
	void outOfRangeLimitIsASchemaError() {
		Rest.Answer answer = this.rest.get("/v2/sessions?limit=201");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString())
			.isEqualTo("querystring/limit Too big: expected number to be <=200");
		assertThat(answer.json().get("error").asString()).isEqualTo("Error");
		assertThat(answer.json().get("statusCode").asInt()).isEqualTo(400);
	}

	@SpecItem("HAPPY-11.7")
	@Test
	void activeListingKeepsTheLast15MinutesByActiveAt() {
		String stale = create("s0", "eA==");
		clock.advance(Duration.ofMinutes(10));
		String fresh = create("s1", "eA==");
		clock.advance(Duration.ofMinutes(1));
		String recent = create("s2", "eA==");
		String archived = create("s3", "eA==");
		this.rest.post("/v1/sessions/" + archived + "/archive", "{}");
		clock.advance(Duration.ofMinutes(5));
		JsonNode sessions = this.rest.get("/v2/sessions/active").json().get("sessions");
		assertThat(ids(sessions)).containsExactly(recent, fresh).doesNotContain(stale, archived);
	}

	@SpecItem("HAPPY-11.8")
	@Test
	void sessionWithoutHeartbeatForTenMinutesIsSweptInactive() {
		String quiet = create("quiet", "eA==");
		clock.advance(Duration.ofMinutes(9));
		server.sweep();
		assertThat(active(quiet)).isTrue();
		clock.advance(Duration.ofMinutes(2));
		server.sweep();
		assertThat(active(quiet)).isFalse();
	}

	private boolean active(String id) {
		for (JsonNode session : this.rest.get("/v1/sessions").json().get("sessions")) {
			if (session.get("id").asString().equals(id)) {
				return session.get("active").asBoolean();
			}
		}
		throw new AssertionError("session " + id + " is not listed");
	}

	@Test
	void archiveMarksInactive() {
		String id = create("arch", "eA==");
		clock.advance(Duration.ofSeconds(3));
		Rest.Answer answer = this.rest.post("/v1/sessions/" + id + "/archive", "{}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"success\":true}");
		JsonNode session = this.rest.get("/v1/sessions").json().get("sessions").get(0);
		assertThat(session.get("active").asBoolean()).isFalse();
		assertThat(session.get("activeAt").asLong()).isEqualTo(clock.millis());
	}

	@Test
	void archiveOfUnknownSessionIsAnswered404() {
		Rest.Answer answer = this.rest.post("/v1/sessions/nope/archive", null);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Session not found\"}");
	}

	@Test
	void deleteRemovesTheSessionAndForeignOnesAreNotFound() {
		String id = create("del", "eA==");
		Rest other = new Rest(server.url(), new TestKeys().login(server));
		Rest.Answer foreign = other.delete("/v1/sessions/" + id);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).isEqualTo("{\"error\":\"Session not found or not owned by user\"}");
		assertThat(this.rest.delete("/v1/sessions/" + id).body()).isEqualTo("{\"success\":true}");
		assertThat(this.rest.get("/v1/sessions").json().get("sessions")).isEmpty();
		assertThat(this.rest.get("/v3/sessions/" + id + "/messages").status()).isEqualTo(404);
	}

	private String create(String tag, String metadata) {
		return this.rest.post("/v1/sessions", "{\"tag\":\"" + tag + "\",\"metadata\":\"" + metadata + "\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
	}

	static List<String> ids(JsonNode records) {
		List<String> ids = new ArrayList<>();
		records.forEach((record) -> ids.add(record.get("id").asString()));
		return ids;
	}

}
