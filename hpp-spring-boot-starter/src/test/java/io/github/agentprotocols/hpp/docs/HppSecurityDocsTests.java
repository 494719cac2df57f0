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

package io.github.agentprotocols.hpp.docs;

import io.github.agentprotocols.hpp.SessionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The Spring Security chain of docs/how-to/bind-hpp-sessions-to-spring-security-users.md
 * does what the page says: sessions are created by logged-in users with a CSRF token and
 * owned by them, the agent needs only the token, and another user's edits are refused.
 */
@SpringBootTest(classes = HppSecurityDocsTests.SecuredApplication.class, webEnvironment = WebEnvironment.MOCK,
		properties = { "spring.autoconfigure.exclude=", "hpp.require-owner=true" })
class HppSecurityDocsTests {

	private static final String FORM = "{\"mode\":\"form-fill\"}";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SessionStore store;

	private WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build();
	}

	@Test
	void aLoggedInUserCreatesASessionThatIsTheirs() {
		JsonNode created = create("alice");
		String owner = this.store.update(created.get("sessionId").stringValue(), (session) -> session.getOwner())
			.block();
		assertThat(owner).isEqualTo("alice");
	}

	@Test
	void creatingNeedsALoginAndACsrfToken() {
		post(this.client.mutateWith(csrf()), "/handshake/session", FORM).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/login");
		post(this.client.mutateWith(mockUser("alice")), "/handshake/session", FORM).expectStatus().isForbidden();
	}

	@Test
	void theAgentNeedsOnlyTheToken() {
		JsonNode created = create("alice");
		this.client.get()
			.uri("/handshake/context/" + created.get("sessionId").stringValue())
			.header("X-Handshake-Token", created.get("token").stringValue())
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anotherUsersEditIsRefused() {
		String notify = "/handshake/notify/" + create("alice").get("sessionId").stringValue();
		String edit = "{\"key\":\"amount\",\"value\":1}";
		post(as("bob"), notify, edit).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("browser auth failed");
		post(as("alice"), notify, edit).expectStatus().isOk();
	}

	private JsonNode create(String user) {
		return post(as(user), "/handshake/session", FORM).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient as(String user) {
		return this.client.mutateWith(mockUser(user)).mutateWith(csrf());
	}

	private static ResponseSpec post(WebTestClient client, String uri, String body) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SecurityConfiguration.class)
	static class SecuredApplication {

	}

}
