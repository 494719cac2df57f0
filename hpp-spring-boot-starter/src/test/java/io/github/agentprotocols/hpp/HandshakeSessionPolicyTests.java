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

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;

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
 * Session creation policy (spec §11.2 item 2) with an application that lets anonymous
 * requests through: {@code hpp.require-owner} refuses them with 401, and
 * {@code hpp.limits.max-sessions-per-owner} caps each principal's live sessions.
 */
@SpringBootTest(classes = HandshakeSessionPolicyTests.OpenApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "hpp.require-owner=true",
				"hpp.limits.max-sessions-per-owner=2" })
@SpecItem("HPP-11.2.2")
class HandshakeSessionPolicyTests extends RunningServerTests {

	@Test
	void anonymousCreationNeedsAuthentication() {
		assertError(this.http.post("/handshake/session", null, "{}"), 401, "authentication required");
	}

	@Test
	void eachPrincipalHasABoundedNumberOfLiveSessions() {
		String first = createAs("carol");
		createAs("carol");
		assertError(this.http.send(as("carol", createRequest())), 429, "too many sessions");
		createAs("dave");
		Reply closed = this.http.send(as("carol",
				HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session/" + first)).DELETE()));
		assertThat(closed.status()).isEqualTo(200);
		createAs("carol");
	}

	private String createAs(String user) {
		Reply reply = this.http.send(as(user, createRequest()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("sessionId").stringValue();
	}

	private HttpRequest.Builder createRequest() {
		return HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/session"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
	}

	private static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
		return request.header("Authorization", TestUsers.basic(user));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestUsers.class)
	static class OpenApplication {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

}
