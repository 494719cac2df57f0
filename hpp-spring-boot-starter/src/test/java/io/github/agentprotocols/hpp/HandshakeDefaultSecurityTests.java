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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security's default setup (login and CSRF protection for everything, no
 * application chain): the token-authenticated endpoints are let through without login or
 * CSRF token, and so is the browser client's module, while session creation stays
 * protected by both.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.autoconfigure.exclude=", "spring.security.user.name=alice", "spring.security.user.password=secret" })
class HandshakeDefaultSecurityTests extends RunningServerTests {

	@Autowired
	HandshakeManager manager;

	@Test
	void sessionCreationStaysProtected() {
		// the default chain checks the CSRF token before authentication
		assertThat(this.http.post("/handshake/session", null, "{}").status()).isIn(401, 403);
		String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		assertThat(this.http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.base() + "/handshake/session"))
				.header("Authorization", basic)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")))
			.status()).isEqualTo(403);
	}

	@Test
	void tokenAuthenticatedEndpointsNeedNeitherLoginNorCsrfToken() throws Exception {
		JsonNode created = this.manager
			.createSession(JsonNodeFactory.instance.objectNode().put("mode", "form-fill"),
					new HandshakeRequest(() -> "alice", new HttpHeaders(), null))
			.block();
		Session s = new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
		assertThat(this.http.post("/handshake/action/" + s.sid(), s.token(), "{}").status()).isEqualTo(200);
		assertThat(this.http.get("/handshake/diff/" + s.sid(), s.token()).status()).isEqualTo(200);
		assertThat(this.http.post("/handshake/session/" + s.sid() + "/extend", s.token(), "{}").status())
			.isEqualTo(200);
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.next(Duration.ofSeconds(10)).get("type").stringValue()).isEqualTo("connected");
		}
		assertThat(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":\"a\"}").status()).isIn(401, 403);
	}

	@Test
	void theBrowserClientIsServedWithoutLogin() {
		assertThat(this.http.get("/handshake/hpp-client.js", null).status()).isEqualTo(200);
	}

}
