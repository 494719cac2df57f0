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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake's REST basics over real HTTP (spec §2.2, §4): liveness, the signed-challenge
 * login and its tokens, authentication errors and unknown routes.
 */
class FakeHappyServerRestTests {

	private static FakeHappyServer server;

	@BeforeAll
	static void start() {
		server = FakeHappyServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void requestsAreRecordedUntilReset() {
		server.reset();
		anonymous().get("/health?probe=1");
		assertThat(server.requests()).containsExactly(new ReceivedRequest("GET", "/health", Map.of("probe", "1")));
		server.reset();
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void headersOfEachRequestAreRecordedWithIt() {
		server.reset();
		String token = new TestKeys().login(server);
		server.reset();
		new Rest(server.url(), token).get("/v1/machines");
		assertThat(server.receivedHeaders()).singleElement().satisfies((received) -> {
			assertThat(received.request()).isEqualTo(new ReceivedRequest("GET", "/v1/machines", Map.of()));
			assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
			assertThat(received.header("x-unset")).isNull();
		});
	}

	@Test
	void rootWelcomes() {
		Rest.Answer answer = anonymous().get("/");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("text/plain");
		assertThat(answer.body()).isEqualTo("Welcome to Happy Server!");
	}

	@Test
	void keepAliveConnectionStillAnswersAfterNettySocketIosFirstDataTimeout() throws Exception {
		URI url = URI.create(server.url());
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			for (int request = 0; request < 2; request++) {
				out.write("GET /health HTTP/1.1\r\nHost: fake\r\nConnection: keep-alive\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(in.readLine()).as("status line of request " + request).isEqualTo("HTTP/1.1 200 OK");
				int length = 0;
				for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
					if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				in.skip(length);
				// netty-socketio closes a channel 5 s after it opened unless its
				// authorize
				// handler has seen data
				Thread.sleep(6_000L * (1 - request));
			}
		}
	}

	@Test
	void timestampOnAWholeSecondKeepsItsMilliseconds() {
		// as JavaScript's toISOString() writes it; ISO_INSTANT wrote "...:00Z", once a
		// thousand runs
		Instant wholeSecond = Instant.parse("2026-11-27T00:48:11Z");
		try (FakeHappyServer fixed = FakeHappyServer.builder()
			.clock(Clock.fixed(wholeSecond, ZoneOffset.UTC))
			.start()) {
			assertThat(new Rest(fixed.url(), null).get("/health").json().get("timestamp").asString())
				.isEqualTo("2026-11-27T00:48:11.000Z");
		}
	}

	@Test
	void healthIsOk() {
		JsonNode health = anonymous().get("/health").json();
		assertThat(health.get("status").asString()).isEqualTo("ok");
		assertThat(health.get("service").asString()).isEqualTo("happy-server");
		assertThat(health.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
	}

	@Test
	void signedChallengeGivesAnEdDsaTokenWithoutExpiry() {
		Rest.Answer answer = anonymous().post("/v1/auth", new TestKeys().authBody());
		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.json();
		assertThat(body.get("success").asBoolean()).isTrue();
		String[] parts = body.get("token").asString().split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode header = decode(parts[0]);
		JsonNode claims = decode(parts[1]);
		assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
		assertThat(claims.get("iss").asString()).isEqualTo("handy");
		assertThat(claims.propertyNames()).contains("sub", "iat", "nbf", "jti").doesNotContain("exp");
	}

	@Test
	void samePublicKeyIsTheSameAccount() {
		TestKeys keys = new TestKeys();
		String first = keys.login(server);
		String second = keys.login(server);
		assertThat(first).isNotEqualTo(second);
		assertThat(server.accountId(first)).isNotNull().isEqualTo(server.accountId(second));
		assertThat(server.accountId(new TestKeys().login(server))).isNotEqualTo(server.accountId(first));
	}

	@Test
	void wrongSignatureIsAnswered401() {
		String body = new TestKeys().authBody();
		String otherKey = Base64.getEncoder().encodeToString(new TestKeys().publicKey());
		String forged = body.replaceFirst("\"publicKey\":\"[^\"]+\"", "\"publicKey\":\"" + otherKey + "\"");
		Rest.Answer answer = anonymous().post("/v1/auth", forged);
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid signature\"}");
	}

	@Test
	void missingAuthFieldsAreSchemaErrors() {
		Rest.Answer answer = anonymous().post("/v1/auth", "{\"challenge\":\"AA==\",\"signature\":\"AA==\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo(
				"{\"error\":\"Error\",\"message\":\"body/publicKey Invalid input: expected string, received undefined\","
						+ "\"statusCode\":400}");
	}

	@Test
	void missingAuthorizationHeaderIsAnswered401() {
		Rest.Answer answer = anonymous().get("/v1/sessions");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Missing authorization header\"}");
	}

	@Test
	void invalidTokenIsAnswered401() {
		FakeHappyServer other = FakeHappyServer.start();
		String foreign;
		try {
			foreign = new TestKeys().login(other);
		}
		finally {
			other.close();
		}
		for (String token : new String[] { "garbage", foreign }) {
			Rest.Answer answer = new Rest(server.url(), token).get("/v1/machines");
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid token\"}");
		}
	}

	@Test
	void unknownRouteIsAnswered404WithPathAndMethod() {
		Rest.Answer answer = new Rest(server.url(), new TestKeys().login(server)).get("/v1/sessions/abc?x=1");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body())
			.isEqualTo("{\"error\":\"Not found\",\"path\":\"/v1/sessions/abc?x=1\",\"method\":\"GET\"}");
	}

	private static Rest anonymous() {
		return new Rest(server.url(), null);
	}

	private static JsonNode decode(String part) {
		return Rest.json.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
	}

}
