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

package io.github.agentprotocols.lime.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.CannedHttpServer;
import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.observation.LimeApiOperation;
import io.github.agentprotocols.lime.LimeRateLimitException;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(FakeLimeApiExtension.class)
class LimeApiClientTests {

	@Test
	@SpecItem("LIME-7.get_public_success")
	void publicGetSendsNoSiteTokenAndReturnsTheData(FakeLimeApi fake) {
		JsonNode data = client(fake, 2).getPublic(LimeApiOperation.JWKS_FETCH, "/core/.well-known/jwks.json").block();
		assertThat(data.get("keys").isArray()).isTrue();
		RecordedRequest request = fake.requests().of(Endpoint.JWKS).get(0);
		assertThat(request.header("X-Site-Token")).isNull();
		assertThat(request.header("Accept")).isEqualTo("application/json");
	}

	@Test
	void authenticatedGetSendsTheSiteToken(FakeLimeApi fake) {
		String id = fake.createLoginRequestDirectly();
		JsonNode data = client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "modules/agent-login/requests/" + id)
			.block();
		assertThat(data.get("status").asString()).isEqualTo("PENDING");
		assertThat(fake.requests().of(Endpoint.LOGIN_REQUEST_STATUS).get(0).header("X-Site-Token"))
			.isEqualTo(fake.siteToken());
	}

	@Test
	@SpecItem("LIME-7.retry_on_503_then_success")
	void retryOn503ThenSuccessTakesExactlyTwoCalls(FakeLimeApi fake) {
		String id = fake.createLoginRequestDirectly();
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 1, 503);
		assertThat(client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/" + id)
			.block()
			.get("status")
			.asString()).isEqualTo("PENDING");
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isEqualTo(2);
	}

	@Test
	@SpecItem("LIME-7.no_retry_on_400")
	@SpecItem("LIME-7.api_error_mapping")
	void noRetryOn400WhichIsAnApiErrorWithItsCodeAndStatus(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 1, 400, "INVALID_REQUEST");
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(
					() -> client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/x").block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("INVALID_REQUEST");
				assertThat(ex.getHttpStatus()).isEqualTo(400);
			});
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isOne();
	}

	@Test
	void retriesStopAfterMaxRetriesAndTheLastErrorIsMapped(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 5, 503);
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(
					() -> client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/x").block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(ex.getHttpStatus()).isEqualTo(503);
			});
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isEqualTo(3);
	}

	@Test
	void htmlErrorPageLeftAfterTheRetriesIsInvalidJson(FakeLimeApi fake) {
		fake.faults().htmlErrorBodies(true).failNext(Endpoint.LOGIN_REQUEST_STATUS, 5, 502);
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(
					() -> client(fake, 1).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/x").block())
			.withMessageContaining("Invalid JSON")
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(502));
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isEqualTo(2);
	}

	@Test
	void okFalseWith200IsAnApiError(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 1, 200, "CHANNEL_DOWN");
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(
					() -> client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/x").block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("CHANNEL_DOWN");
				assertThat(ex.getHttpStatus()).isEqualTo(200);
			});
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isOne();
	}

	@Test
	@SpecItem("LIME-7.rate_limit_error")
	void rateLimitLeftAfterTheRetriesCarriesRetryAfter(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 1, 429).retryAfter(Duration.ofSeconds(2));
		assertThatExceptionOfType(LimeRateLimitException.class)
			.isThrownBy(
					() -> client(fake, 0).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/x").block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	@SpecItem("LIME-8.10")
	void getRetriesA429AfterItsRetryAfter(FakeLimeApi fake) {
		String id = fake.createLoginRequestDirectly();
		fake.faults().failNext(Endpoint.LOGIN_REQUEST_STATUS, 1, 429).retryAfter(Duration.ofSeconds(1));
		long start = System.nanoTime();
		client(fake, 2).get(LimeApiOperation.LOGIN_STATUS, "/modules/agent-login/requests/" + id).block();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(fake.requests().count(Endpoint.LOGIN_REQUEST_STATUS)).isEqualTo(2);
	}

	@Test
	@SpecItem("LIME-7.transport_error_retries_then_raises")
	void transportErrorRetriesThenRaisesWithTheTransportMessage() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LimeApiClient client = new LimeApiClient(WebClient.create(), "http://127.0.0.1:" + port + "/api/v1", "st_x",
				Duration.ofSeconds(5), 1, Clock.systemUTC());
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> client.getPublic(LimeApiOperation.JWKS_FETCH, "/anything").block())
			.withMessageContaining("Connection refused")
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isNull();
				assertThat(ex.getHttpStatus()).isNull();
				assertThat(ex).hasRootCauseInstanceOf(ConnectException.class);
			});
	}

	@Test
	@SpecItem("LIME-7.invalid_json_raises")
	void invalidJsonBodyRaisesOverHttp() {
		try (CannedHttpServer server = CannedHttpServer.start().answer(200, "not json")) {
			assertThatExceptionOfType(LimeException.class)
				.isThrownBy(() -> client(server, 2).getPublic(LimeApiOperation.JWKS_FETCH, "/x").block())
				.withMessageContaining("Invalid JSON")
				.withMessageContaining("200");
		}
	}

	@Test
	@SpecItem("LIME-7.unexpected_payload_shape")
	void jsonStringBodyIsAnUnexpectedShapeOverHttp() {
		try (CannedHttpServer server = CannedHttpServer.start().answer(200, "\"just a string\"")) {
			assertThatExceptionOfType(LimeException.class)
				.isThrownBy(() -> client(server, 2).getPublic(LimeApiOperation.JWKS_FETCH, "/x").block())
				.withMessageContaining("Unexpected response shape");
		}
	}

	@Test
	@SpecItem("LIME-7.success_missing_data")
	void successWithoutDataObjectIsMissingDataOverHttp() {
		try (CannedHttpServer server = CannedHttpServer.start().answer(200, "{\"ok\":true,\"data\":[]}")) {
			assertThatExceptionOfType(LimeException.class)
				.isThrownBy(() -> client(server, 2).getPublic(LimeApiOperation.JWKS_FETCH, "/x").block())
				.withMessageContaining("missing data");
		}
	}

	@Test
	@SpecItem("LIME-7.error_missing_error_object")
	void status500WithoutErrorObjectIsRetriedThenMissingErrorObject() {
		try (CannedHttpServer server = CannedHttpServer.start().answer(500, "{\"ok\":false}")) {
			assertThatExceptionOfType(LimeException.class)
				.isThrownBy(() -> client(server, 2).getPublic(LimeApiOperation.JWKS_FETCH, "/x").block())
				.withMessageContaining("missing error object")
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(500));
			assertThat(server.requestCount()).isEqualTo(3);
		}
	}

	@Test
	void successEnvelopeIsASuccessWhateverTheFinalStatus() {
		try (CannedHttpServer server = CannedHttpServer.start().answer(500, "{\"ok\":true,\"data\":{\"a\":1}}")) {
			assertThat(client(server, 0).getPublic(LimeApiOperation.JWKS_FETCH, "/x").block().get("a").intValue())
				.isEqualTo(1);
		}
	}

	@Test
	@SpecItem("LIME-8.10")
	void timeoutAppliesToEachAttemptOfAnInjectedWebClientAndAGetIsRetried() {
		try (CannedHttpServer server = CannedHttpServer.start().silent()) {
			LimeApiClient client = new LimeApiClient(WebClient.create(), server.baseUrl(), "st_x",
					Duration.ofMillis(300), 1, Clock.systemUTC());
			assertThatExceptionOfType(LimeException.class)
				.isThrownBy(() -> client.getPublic(LimeApiOperation.JWKS_FETCH, "/x").block())
				.withMessageContaining("no response within 300 ms");
			assertThat(server.awaitRequests(2)).isEqualTo(2);
		}
	}

	@Test
	void pathsAreJoinedToTheBaseWithoutTrailingSlashes() {
		LimeApiClient client = new LimeApiClient(WebClient.create(), "http://lime.test/api/v1//", "st_x",
				Duration.ofSeconds(1), 0, Clock.systemUTC());
		assertThat(client.getApiBase()).isEqualTo("http://lime.test/api/v1");
		assertThat(client.uri("//core/x")).hasToString("http://lime.test/api/v1/core/x");
		assertThat(client.uri("core/x")).hasToString("http://lime.test/api/v1/core/x");
	}

	private static LimeApiClient client(FakeLimeApi fake, int maxRetries) {
		return new LimeApiClient(WebClient.create(), fake.baseUrl(), fake.siteToken(), Duration.ofSeconds(10),
				maxRetries, Clock.systemUTC());
	}

	private static LimeApiClient client(CannedHttpServer server, int maxRetries) {
		return new LimeApiClient(WebClient.create(), server.baseUrl(), "st_x", Duration.ofSeconds(10), maxRetries,
				Clock.systemUTC());
	}

}
