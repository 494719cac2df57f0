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

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security and an application chain that requires login for everything: the
 * agent endpoints and the WebSocket channel work with the handshake token alone, session
 * creation follows the application's rules and binds the session to its creator, and user
 * edits are accepted only from the creator.
 */
@SpringBootTest(classes = HandshakeSecurityTests.SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=")
class HandshakeSecurityTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void creatingASessionFollowsTheApplicationsRules() {
		assertThat(this.http.post("/handshake/session", null, "{}").status()).isEqualTo(401);
		assertThat(this.http.send(as("alice", post("/handshake/session", "{}"))).status()).isEqualTo(200);
	}

	@Test
	void agentEndpointsNeedOnlyTheToken() {
		Session s = createAs("alice");
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
		Reply action = this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"stream\":false}");
		assertThat(action.json().get("applied").toString()).isEqualTo("[\"a\"]");
		assertThat(this.http.get("/handshake/diff/" + s.sid(), s.token()).status()).isEqualTo(200);
		assertThat(this.http.post("/handshake/session/" + s.sid() + "/extend", s.token(), "{}").status())
			.isEqualTo(200);
		assertError(this.http.get("/handshake/context/" + s.sid(), "wrong"), 403, "invalid token");
	}

	@Test
	@SpecItem("HPP-A11")
	void userEditsOverHttpAreBoundToTheCreator() {
		Session s = createAs("alice");
		assertThat(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":\"a\",\"value\":1}").status())
			.isEqualTo(401);
		assertError(this.http.send(as("bob", post("/handshake/notify/" + s.sid(), "{\"key\":\"a\",\"value\":1}"))), 403,
				"browser auth failed");
		assertError(this.http.send(as("alice", post("/handshake/notify/" + s.sid(), "{\"key\":\"a\",\"value\":1}"))
			.header("Origin", "https://evil.example")), 403, "browser auth failed");
		assertThat(this.http.send(as("alice", post("/handshake/notify/" + s.sid(), "{\"key\":\"a\",\"value\":2}")))
			.status()).isEqualTo(200);
		JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		HandshakeProtocolTests.assertField(context, "a", "2", "user");
	}

	@Test
	@SpecItem("HPP-A11")
	void userEditsOverWebSocketAreBoundToTheCreator() throws Exception {
		Session s = createAs("alice");
		String path = "/ws/handshake/" + s.sid() + "?token=" + s.token();
		try (WsProbe agent = WsProbe.open(this.port, path);
				WsProbe bob = WsProbe.open(this.port, path, "Authorization", TestUsers.basic("bob"));
				WsProbe alice = WsProbe.open(this.port, path, "Authorization", TestUsers.basic("alice"))) {
			for (WsProbe ws : new WsProbe[] { agent, bob, alice }) {
				assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
			}
			agent.send("{\"type\":\"userEdit\",\"key\":\"byAgent\",\"value\":1}");
			bob.send("{\"type\":\"userEdit\",\"key\":\"byBob\",\"value\":1}");
			alice.send("{\"type\":\"userEdit\",\"key\":\"byAlice\",\"value\":1}");
			JsonNode context = awaitKey(s, "byAlice");
			assertThat(context.get("context").has("byAlice")).isTrue();
			assertThat(context.get("context").has("byAgent")).isFalse();
			assertThat(context.get("context").has("byBob")).isFalse();
		}
	}

	@Test
	@SpecItem("HPP-11.2.6")
	void closingIsReservedToTheCreator() throws Exception {
		Session s = createAs("alice");
		String path = "/handshake/session/" + s.sid();
		assertThat(this.http.delete(path, s.token()).status()).isEqualTo(401);
		assertError(this.http.send(as("bob", delete(path)).header("X-Handshake-Token", s.token())), 403,
				"browser auth failed");
		assertError(this.http.send(as("alice", delete(path)).header("Origin", "https://evil.example")), 403,
				"browser auth failed");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
			assertThat(this.http.send(as("alice", delete(path)).header("Origin", this.http.base())).status())
				.isEqualTo(200);
			assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session closed\"}");
			assertThat(ws.awaitClose(WAIT)).isEqualTo(1000);
		}
		assertError(this.http.get("/handshake/context/" + s.sid(), s.token()), 404, "session not found or expired");
	}

	private HttpRequest.Builder delete(String path) {
		return HttpRequest.newBuilder(URI.create(this.http.base() + path)).DELETE();
	}

	/**
	 * Reads the context until it has a key, then once more a little later. Polls at most
	 * 40 times within the wait, so that the session's budget of 60 requests a minute
	 * outlasts the polling.
	 */
	private JsonNode awaitKey(Session s, String key) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode context;
		do {
			Thread.sleep(250);
			context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		}
		while (!context.get("context").has(key) && System.nanoTime() < deadline);
		Thread.sleep(200);
		return this.http.get("/handshake/context/" + s.sid(), s.token()).json();
	}

	private Session createAs(String user) {
		Reply reply = this.http.send(as(user, post("/handshake/session", "{\"mode\":\"form-fill\"}")));
		assertThat(reply.status()).isEqualTo(200);
		return new Session(reply.json().get("sessionId").stringValue(), reply.json().get("token").stringValue());
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
		return request.header("Authorization", TestUsers.basic(user));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestUsers.class)
	static class SecuredApplication {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

}
