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

package io.github.agentprotocols.acp.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.wire.AcpJson;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with Spring Security and no authenticator of its own: the REST API takes
 * the caller from the authenticated principal; a Socket.IO connect, which has no security
 * context, is refused whatever credentials it carries.
 */
@SpringBootTest(classes = SecurityContextAuthenticatorTests.SecuredApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class SecurityContextAuthenticatorTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void callerIsTheAuthenticatedPrincipalMappedByTheApplication() throws Exception {
		HttpResponse<String> created = post("alice:secret", "{\"tenant\":{\"org\":\"A\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String thread = AcpJson.parse(created.body()).get("id").stringValue();
		HttpResponse<String> members = send(HttpRequest.newBuilder(uri("/acp/threads/" + thread + "/members")).GET(),
				"alice:secret");
		JsonNode member = AcpJson.parse(members.body()).get(0);
		assertThat(member.get("identity_id").stringValue()).isEqualTo("alice");
		assertThat(member.get("identity").get("metadata").get("tenant").get("org").stringValue()).isEqualTo("A");
	}

	@Test
	void anonymousRequestIsUnauthenticated() throws Exception {
		HttpResponse<String> anonymous = post(null, "{}");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(AcpJson.parse(anonymous.body()).get("error").get("code").stringValue()).isEqualTo("unauthenticated");
	}

	@Test
	void socketConnectIsRefusedEvenWithTheChainsCredentials() throws Exception {
		HttpResponse<String> open = send(HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling")).GET(),
				"alice:secret");
		assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
		Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
		assertThat(sid.find()).as(open.body()).isTrue();
		URI session = uri("/socket.io/?EIO=4&transport=polling&sid=" + sid.group(1));
		HttpResponse<String> connect = send(HttpRequest.newBuilder(session)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString("40{\"user\":\"alice\"}")), "alice:secret");
		assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
		HttpResponse<String> answer = send(HttpRequest.newBuilder(session).timeout(Duration.ofSeconds(30)).GET(),
				"alice:secret");
		assertThat(answer.body()).startsWith("44").contains("unauthenticated");
	}

	private HttpResponse<String> post(String credentials, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri("/acp/threads"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), credentials);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	static class SecuredApplication {

		@Bean
		SecurityWebFilterChain chain(ServerHttpSecurity http) {
			return http.csrf(ServerHttpSecurity.CsrfSpec::disable).httpBasic((basic) -> {
			}).authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("alice").password("{noop}secret").roles("USER").build());
		}

		@Bean
		AuthenticationIdentityMapper identities() {
			return (authentication) -> Mono.just(new Identity(IdentityRole.USER, authentication.getName(),
					authentication.getName(), Map.of("tenant", Map.of("org", "A"))));
		}

		@Bean
		AssistantRuns runs() {
			return new NoAssistantRuns();
		}

	}

}
