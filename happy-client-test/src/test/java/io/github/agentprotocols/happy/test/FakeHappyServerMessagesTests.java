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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages over real HTTP (spec §4.7): idempotent posting per local id, seqs per session,
 * the v3 paging in both directions and the legacy v1 listing.
 */
class FakeHappyServerMessagesTests {

	private static FakeHappyServer server;

	private Rest rest;

	private String sessionId;

	@BeforeAll
	static void start() {
		server = FakeHappyServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void session() {
		this.rest = new Rest(server.url(), new TestKeys().login(server));
		this.sessionId = this.rest.post("/v1/sessions", "{\"tag\":\"m\",\"metadata\":\"eA==\"}")
			.json()
			.get("session")
			.get("id")
			.asString();
	}

	@Test
	void postedMessagesGetSeqsFromOneWithoutContentInTheAnswer() {
		JsonNode messages = post("{\"content\":\"YQ==\",\"localId\":\"a\"},{\"content\":\"Yg==\",\"localId\":\"b\"}");
		assertThat(seqs(messages)).containsExactly(1L, 2L);
		assertThat(messages.get(0).propertyNames()).containsExactly("id", "seq", "localId", "createdAt", "updatedAt");
		assertThat(messages.get(1).get("localId").asString()).isEqualTo("b");
	}

	@Test
	void postingIsIdempotentPerLocalId() {
		JsonNode first = post("{\"content\":\"YQ==\",\"localId\":\"same\"}");
		JsonNode again = post("{\"content\":\"Yg==\",\"localId\":\"new\"},{\"content\":\"Yw==\",\"localId\":\"same\"},"
				+ "{\"content\":\"ZA==\",\"localId\":\"new\"}");
		assertThat(seqs(again)).containsExactly(1L, 2L);
		assertThat(again.get(0).get("id").asString()).isEqualTo(first.get(0).get("id").asString());
		JsonNode stored = this.rest.get(messagesPath("")).json().get("messages");
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0).get("content").get("c").asString()).isEqualTo("YQ==");
		assertThat(stored.get(1).get("content").get("c").asString()).isEqualTo("Yg==");
	}

	@Test
	void emptyLocalIdIsASchemaError() {
		Rest.Answer answer = this.rest.post(messagesPath(""),
				"{\"messages\":[{\"content\":\"YQ==\",\"localId\":\"\"}]}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString())
			.isEqualTo("body/messages/0/localId Too small: expected string to have >=1 characters");
	}

	@Test
	void afterSeqPagesAscendingWithHasMore() {
		postNumbered(5);
		JsonNode page = this.rest.get(messagesPath("?after_seq=1&limit=2")).json();
		assertThat(seqs(page.get("messages"))).containsExactly(2L, 3L);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
		JsonNode rest = this.rest.get(messagesPath("?after_seq=3")).json();
		assertThat(seqs(rest.get("messages"))).containsExactly(4L, 5L);
		assertThat(rest.get("hasMore").asBoolean()).isFalse();
		JsonNode message = rest.get("messages").get(0);
		assertThat(message.get("content").get("t").asString()).isEqualTo("encrypted");
		assertThat(message.propertyNames()).containsExactly("id", "seq", "content", "localId", "createdAt",
				"updatedAt");
	}

	@Test
	void beforeSeqPagesDescending() {
		postNumbered(5);
		JsonNode page = this.rest.get(messagesPath("?before_seq=5&limit=3")).json();
		assertThat(seqs(page.get("messages"))).containsExactly(4L, 3L, 2L);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
	}

	@Test
	void afterAndBeforeTogetherAreAnswered400() {
		Rest.Answer answer = this.rest.get(messagesPath("?after_seq=1&before_seq=3"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString()).endsWith("after_seq and before_seq are mutually exclusive");
	}

	@Test
	void legacyListingIsNewestFirst() {
		postNumbered(3);
		JsonNode messages = this.rest.get("/v1/sessions/" + this.sessionId + "/messages").json().get("messages");
		assertThat(seqs(messages)).containsExactly(3L, 2L, 1L);
	}

	@Test
	void unknownOrForeignSessionIsAnswered404Everywhere() {
		Rest other = new Rest(server.url(), new TestKeys().login(server));
		for (Rest.Answer answer : List.of(other.get(messagesPath("")), other.get(messagesPath("?limit=1")),
				other.get("/v1/sessions/" + this.sessionId + "/messages"),
				other.post(messagesPath(""), "{\"messages\":[{\"content\":\"YQ==\",\"localId\":\"a\"}]}"),
				this.rest.get("/v3/sessions/unknown/messages"))) {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.body()).isEqualTo("{\"error\":\"Session not found\"}");
		}
	}

	private JsonNode post(String items) {
		Rest.Answer answer = this.rest.post(messagesPath(""), "{\"messages\":[" + items + "]}");
		assertThat(answer.status()).isEqualTo(200);
		return answer.json().get("messages");
	}

	private void postNumbered(int count) {
		List<String> items = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			items.add("{\"content\":\"eA==\",\"localId\":\"n" + i + "\"}");
		}
		post(String.join(",", items));
	}

	private String messagesPath(String query) {
		return "/v3/sessions/" + this.sessionId + "/messages" + query;
	}

	private static List<Long> seqs(JsonNode messages) {
		List<Long> seqs = new ArrayList<>();
		messages.forEach((message) -> seqs.add(message.get("seq").asLong()));
		return seqs;
	}

}
