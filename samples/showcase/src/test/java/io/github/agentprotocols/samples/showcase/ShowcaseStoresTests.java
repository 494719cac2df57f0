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

package io.github.agentprotocols.samples.showcase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.hpp.redis.RedisKeys;
import io.github.agentprotocols.testsupport.PostgresFixture;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The showcase configured with {@code spring.r2dbc.url} and {@code hpp.store.type=redis}:
 * ACP threads are kept in PostgreSQL (tables of the {@value #TABLE_PREFIX} prefix) and
 * HPP sessions in Redis (under a key prefix of this run, deleted afterwards), as the
 * databases themselves show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "acp.store.table-prefix=" + ShowcaseStoresTests.TABLE_PREFIX, "hpp.store.type=redis" })
@AutoConfigureWebTestClient
@UsesRedis
@UsesPostgres
class ShowcaseStoresTests {

	static final String TABLE_PREFIX = "showcase_";

	private static final String KEY_PREFIX = "showcase-test-" + UUID.randomUUID() + ":";

	private static final RedisConnections redis = new RedisConnections(KEY_PREFIX);

	@DynamicPropertySource
	static void stores(DynamicPropertyRegistry registry) {
		PostgresFixture.database().registerR2dbcProperties(registry);
		RedisFixture.registerRedisProperties(registry);
		registry.add("hpp.store.key-prefix", () -> KEY_PREFIX);
	}

	@AfterAll
	static void deleteSessions() {
		redis.close();
	}

	@Autowired
	WebTestClient client;

	@Test
	void acpThreadCreatedOverRestIsKeptInPostgres() {
		Map<String, Object> thread = post("/acp/threads", "{\"metadata\":{\"title\":\"Stores\"}}");
		String threadId = (String) thread.get("id");
		post("/acp/threads/" + threadId + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"demo\",\"name\":\"Demo assistant\"}}");

		DatabaseClient database = DatabaseClient.create(PostgresFixture.database().connectionFactory());
		String title = database
			.sql("SELECT metadata ->> 'title' AS title FROM " + TABLE_PREFIX + "threads WHERE id = :id")
			.bind("id", threadId)
			.map((row) -> row.get("title", String.class))
			.one()
			.block();
		assertThat(title).isEqualTo("Stores");
		List<String> members = database
			.sql("SELECT identity_role || ':' || identity_id AS member FROM " + TABLE_PREFIX
					+ "thread_members WHERE thread_id = :id ORDER BY member")
			.bind("id", threadId)
			.map((row) -> row.get("member", String.class))
			.all()
			.collectList()
			.block();
		assertThat(members).containsExactly("assistant:demo", "user:ada");
	}

	@Test
	void hppSessionCreatedOverHttpIsKeptInRedis() {
		String sessionId = this.client.post()
			.uri("/handshake/session")
			.bodyValue("{\"mode\":\"form-fill\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("sessionId")
			.toString();

		ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(redis.factory());
		RedisKeys keys = new RedisKeys(KEY_PREFIX);
		String stored = template.<String, String>opsForHash().get(keys.session(sessionId), "d").block();
		assertThat(stored).isNotNull();
		assertThat(JsonMapper.shared().readTree(stored).get("id").asString()).isEqualTo(sessionId);
		assertThat(template.opsForZSet().score(keys.sessions(sessionId), sessionId).block()).isNotNull();
	}

	@Test
	void healthShowsThePostgresAndRedisStores() {
		health("/actuator/health").jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details.database")
			.isEqualTo("PostgreSQL")
			.jsonPath("$.components.redis.status")
			.isEqualTo("UP");
		health("/actuator/health/agentProtocols").jsonPath("$.components.acp.details.store")
			.isEqualTo("PostgresThreadStore")
			.jsonPath("$.components.hpp.details.store")
			.isEqualTo("redis");
	}

	private Map<String, Object> post(String path, String body) {
		return this.client.post()
			.uri(path)
			.header(DemoAcpAuthenticator.USER_HEADER, "ada")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private BodyContentSpec health(String path) {
		return this.client.get().uri(path).exchange().expectStatus().isOk().expectBody();
	}

}
