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

package io.github.agentprotocols.acp.socketio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACP behind Spring Security's default WebFlux filter chain, the one Spring Boot
 * auto-configures for an application that declares none ({@code @EnableWebFluxSecurity}
 * and a user): every exchange authenticated, HTTP Basic, CSRF protection on. The official
 * {@code socket.io-client} over long-polling alone, driven by
 * {@code src/test/node/polling-security.mjs}, connects and has an event acknowledged,
 * both sent in POSTs that carry no CSRF token; a REST POST without one is still refused,
 * and a Socket.IO POST from another site is refused by the origin check.
 */
@SpringBootTest(classes = { SocketIoTestApplication.class, SpringSecurityDefaultsTests.SpringSecurityDefaults.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class SpringSecurityDefaultsTests {

	private static final String CREDENTIALS = "alice:secret";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void officialClientWorksOverLongPolling() throws IOException, InterruptedException {
		NodeClientInteropTests.runScript("polling-security.mjs", "spring-security-defaults", base(), CREDENTIALS);
	}

	@Test
	void restPostWithoutCsrfTokenIsStillRefused() throws IOException, InterruptedException {
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base() + "/acp/threads"))
			.header("x-user", "alice")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":{\"org\":\"A\"}}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
		// the same caller may read: the POST was refused for its missing CSRF token
		HttpResponse<String> listed = send(
				HttpRequest.newBuilder(URI.create(base() + "/acp/threads")).header("x-user", "alice").GET());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
	}

	@Test
	void socketIoPostReachesTheServerUnlessItComesFromAnotherSite() throws IOException, InterruptedException {
		URI session = URI.create(base() + "/socket.io/?EIO=4&transport=polling&sid=" + UUID.randomUUID());
		HttpResponse<String> crossSite = send(HttpRequest.newBuilder(session)
			.header("Origin", "https://attacker.example")
			.POST(HttpRequest.BodyPublishers.ofString("40")));
		assertThat(crossSite.statusCode()).as(crossSite.body()).isEqualTo(403);
		assertThat(crossSite.body()).isEmpty();
		HttpResponse<String> client = send(
				HttpRequest.newBuilder(session).POST(HttpRequest.BodyPublishers.ofString("40")));
		assertThat(client.statusCode()).as(client.body()).isEqualTo(400);
		assertThat(client.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
		return this.http.send(request.header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * What Spring Boot auto-configures when Spring Security is on the class path and the
	 * application declares no chain: Spring Security's default chain and one user.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class SpringSecurityDefaults {

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}secret").build());
		}

	}

}
