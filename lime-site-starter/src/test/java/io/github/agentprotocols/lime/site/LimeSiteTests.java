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

package io.github.agentprotocols.lime.site;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.CannedHttpServer;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeAuthenticationException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LimeRateLimitException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.RecordedRequest;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(FakeLimeApiExtension.class)
class LimeSiteTests {

	@Test
	@SpecItem("LIME-7.create_login_request")
	@SpecItem("LIME-7.post_sends_site_token")
	void createLoginRequestPostsTheTokenAndAnEmptyObjectAndParsesTheAnswer(FakeLimeApi fake) {
		LoginRequest request = site(fake).createLoginRequest().block();
		assertThat(request.requestId()).isNotBlank();
		assertThat(request.status()).isEqualTo("PENDING");
		assertThat(request.expiresAt()).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(121));
		RecordedRequest recorded = fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(0);
		assertThat(recorded.header("X-Site-Token")).isEqualTo(fake.siteToken());
		assertThat(recorded.header("Content-Type")).isEqualTo("application/json");
		assertThat(recorded.body()).isEqualTo("{}");
		assertThat(fake.status(request.requestId()).name()).isEqualTo("PENDING");
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	@SpecItem("LIME-8.10")
	void createLoginRequestIsNotRetriedAfterA5xx(int status, FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, status);
		assertThatExceptionOfType(LimeApiException.class).isThrownBy(() -> site(fake).createLoginRequest().block())
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(status));
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isOne();
	}

	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestIsNotRetriedAfterATimeout() {
		try (CannedHttpServer server = CannedHttpServer.start().silent()) {
			LimeSite site = LimeSite.builder()
				.siteToken("st_x")
				.apiBase(server.baseUrl())
				.timeout(Duration.ofMillis(300))
				.build();
			assertThatExceptionOfType(LimeException.class).isThrownBy(() -> site.createLoginRequest().block())
				.withMessageContaining("no response within 300 ms");
			assertThat(server.awaitRequests(1)).isOne();
		}
	}

	/**
	 * The starter's own HTTP client also has a response timeout of the same duration,
	 * which may fire before the call's: either is the timeout, never a failure without a
	 * reason. A client whose response timeout is shorter makes it fire first every time.
	 */
	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestWhoseHttpClientTimesOutFirstFailsAsTimedOut() {
		try (CannedHttpServer server = CannedHttpServer.start().silent()) {
			HttpClient http = HttpClient.create().responseTimeout(Duration.ofMillis(100));
			LimeSite site = LimeSite.builder()
				.siteToken("st_x")
				.apiBase(server.baseUrl())
				.webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
				.timeout(Duration.ofSeconds(5))
				.build();
			assertThatExceptionOfType(LimeException.class).isThrownBy(() -> site.createLoginRequest().block())
				.withMessageContaining("no response within 5000 ms")
				.withRootCauseInstanceOf(ReadTimeoutException.class);
			assertThat(server.awaitRequests(1)).isOne();
		}
	}

	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestIsRetriedAfterA429OnceItsRetryAfterHasPassed(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 429).retryAfter(Duration.ofSeconds(1));
		long start = System.nanoTime();
		assertThat(site(fake).createLoginRequest().block().status()).isEqualTo("PENDING");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(2);
	}

	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestFailsAtOnceWhenRetryAfterIsLongerThanTheTimeout(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 429).retryAfter(Duration.ofSeconds(60));
		assertThatExceptionOfType(LimeRateLimitException.class)
			.isThrownBy(() -> site(fake).createLoginRequest().block())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(60)));
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isOne();
	}

	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestIsRetriedAfterA408(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 408);
		assertThat(site(fake).createLoginRequest().block().status()).isEqualTo("PENDING");
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(2);
	}

	@Test
	@SpecItem("LIME-8.10")
	void createLoginRequestIsRetriedWhenTheConnectionCouldNotBeOpened(FakeLimeApi fake) {
		AtomicInteger attempts = new AtomicInteger();
		WebClient refusingOnce = WebClient.builder()
			.filter((request, next) -> (attempts.incrementAndGet() == 1)
					? Mono.error(new ConnectException("Connection refused")) : next.exchange(request))
			.build();
		LimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.webClient(refusingOnce)
			.build();
		assertThat(site.createLoginRequest().block().status()).isEqualTo("PENDING");
		assertThat(attempts).hasValue(2);
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isOne();
	}

	@Test
	@SpecItem("LIME-7.authentication_error")
	void wrongSiteTokenIsAnAuthenticationError(FakeLimeApi fake) {
		LimeSite site = LimeSite.builder().siteToken("st_wrong").apiBase(fake.baseUrl()).build();
		assertThatExceptionOfType(LimeAuthenticationException.class).isThrownBy(() -> site.createLoginRequest().block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SITE_TOKEN_INVALID");
				assertThat(ex.getHttpStatus()).isEqualTo(401);
			});
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isOne();
	}

	@Test
	@SpecItem("LIME-7.site_suspended_maps_to_auth")
	void suspendedSiteIsAnAuthenticationError(FakeLimeApi fake) {
		fake.suspendSite(true);
		assertThatExceptionOfType(LimeAuthenticationException.class)
			.isThrownBy(() -> site(fake).createLoginRequest().block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SITE_SUSPENDED");
				assertThat(ex.getHttpStatus()).isEqualTo(403);
			});
	}

	@Test
	void createBindingRequestPostsTheRedirectUriAndParsesTheAnswer(FakeLimeApi fake) {
		BindingRequest binding = site(fake).createBindingRequest(URI.create("https://app.example/callback")).block();
		assertThat(binding.bindingId()).isNotBlank();
		assertThat(binding.connectUrl().toString()).contains(binding.bindingId());
		assertThat(binding.status()).isEqualTo("PENDING");
		assertThat(binding.expiresAt()).isAfter(Instant.now());
		RecordedRequest recorded = fake.requests().of(Endpoint.CREATE_BINDING_REQUEST).get(0);
		assertThat(recorded.header("X-Site-Token")).isEqualTo(fake.siteToken());
		assertThat(recorded.body()).isEqualTo("{\"redirect_uri\":\"https://app.example/callback\"}");
	}

	@Test
	void createBindingRequestMapsAuthenticationAndValidationErrors(FakeLimeApi fake) {
		URI callback = URI.create("https://app.example/callback");
		LimeSite wrongToken = LimeSite.builder().siteToken("st_wrong").apiBase(fake.baseUrl()).build();
		assertThatExceptionOfType(LimeAuthenticationException.class)
			.isThrownBy(() -> wrongToken.createBindingRequest(callback).block());
		fake.faults().failNext(Endpoint.CREATE_BINDING_REQUEST, 1, 400, "VALIDATION_ERROR");
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(() -> site(fake).createBindingRequest(callback).block())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("VALIDATION_ERROR"));
	}

	@Test
	@SpecItem("LIME-7.missing_token_raises")
	void missingSiteTokenFailsConstruction() {
		assertThatExceptionOfType(LimeAuthenticationException.class)
			.isThrownBy(() -> LimeSite.builder().environment((name) -> null).build())
			.withMessageContaining("Site token is required")
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isNull();
				assertThat(ex.getHttpStatus()).isNull();
			});
		assertThatExceptionOfType(LimeAuthenticationException.class)
			.isThrownBy(() -> LimeSite.builder().siteToken("  ").environment((name) -> " ").build());
	}

	@Test
	@SpecItem("LIME-7.reads_token_from_env")
	@SpecItem("LIME-7.reads_base_url_from_env")
	void tokenAndApiBaseFallBackToTheEnvironment(FakeLimeApi fake) {
		Map<String, String> env = Map.of("LIME_SITE_TOKEN", " " + fake.siteToken() + " ", "LIME_API_BASE",
				fake.baseUrl() + "//");
		LimeSite site = LimeSite.builder().siteToken(" ").environment(env::get).build();
		assertThat(site.getApiBase()).isEqualTo(fake.baseUrl());
		assertThat(site.createLoginRequest().block().status()).isEqualTo("PENDING");
	}

	@Test
	void apiBaseDefaultsToProductionAndExplicitValuesWin() {
		Map<String, String> env = Map.of("LIME_API_BASE", "https://env.example/api/v1");
		assertThat(LimeSite.builder().siteToken("st_x").environment((name) -> null).build().getApiBase())
			.isEqualTo("https://lime.pics/api/v1");
		assertThat(LimeSite.builder()
			.siteToken("st_x")
			.apiBase("https://explicit.example/api/v1/")
			.environment(env::get)
			.build()
			.getApiBase()).isEqualTo("https://explicit.example/api/v1");
	}

	@Test
	void blockingCallsAreRefusedOnANonBlockingThread(FakeLimeApi fake) {
		LimeSite site = site(fake);
		// a call's answer may come on the caller's thread once it ran to its end: each
		// blocking call is tried on a non-blocking thread of its own
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> site.createLoginRequest()
				.publishOn(Schedulers.parallel())
				.map((request) -> site.blocking()
					.verifyPassport(fake.passports().login(request.requestId()), request.requestId()))
				.block())
			.withMessageContaining("non-blocking thread")
			.withMessageContaining("verifyPassport");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> site.createLoginRequest()
				.publishOn(Schedulers.parallel())
				.map((request) -> site.blocking().createLoginRequest())
				.block())
			.withMessageContaining("non-blocking thread")
			.withMessageContaining("createLoginRequest");
	}

	@Test
	void reactiveVerificationOnAnEventLoopThreadMovesOffItToFetchTheKeys(FakeLimeApi fake) {
		LimeSite site = site(fake);
		Passport passport = site.createLoginRequest()
			.flatMap((request) -> site.verifyPassport(fake.passports().login(request.requestId()), request.requestId()))
			.block();
		assertThat(passport.agentId()).isEqualTo(fake.agentId());
		assertThat(fake.requests().count(Endpoint.JWKS)).isOne();
	}

	@Test
	void blockingViewCreatesAndVerifiesOnAnOrdinaryThread(FakeLimeApi fake) {
		BlockingLimeSite site = site(fake).blocking();
		LoginRequest request = site.createLoginRequest();
		Passport passport = site.verifyPassport(fake.passports().login(request.requestId()), request.requestId());
		assertThat(passport.requestId()).isEqualTo(request.requestId());
		BindingRequest binding = site.createBindingRequest(URI.create("https://app.example/callback"));
		assertThat(site.verifyBindingPassport(fake.passports().binding(binding.bindingId())).bindingId())
			.isEqualTo(binding.bindingId());
	}

	@Test
	@SpecItem("LIME-8.10")
	void createAnswerMissingAFieldIsALimeException() {
		try (CannedHttpServer server = CannedHttpServer.start()
			.answer(201, "{\"ok\":true,\"data\":{\"status\":\"PENDING\",\"expires_at\":\"2026-06-10T12:00:00Z\"}}")) {
			assertThatExceptionOfType(LimeException.class).isThrownBy(() -> canned(server).createLoginRequest().block())
				.withMessageContaining("missing login_request_id");
		}
	}

	@Test
	void expiresAtWithAnOffsetIsConvertedAndOneWithoutIsTakenAsUtc() {
		try (CannedHttpServer server = CannedHttpServer.start()
			.answer(201, loginRequest("2026-06-10T14:00:00.123456+02:00"))
			.answer(201, loginRequest("2026-06-10T12:00:00"))) {
			LimeSite site = canned(server);
			assertThat(site.createLoginRequest().block().expiresAt())
				.isEqualTo(Instant.parse("2026-06-10T12:00:00.123456Z"));
			assertThat(site.createLoginRequest().block().expiresAt()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
		}
	}

	@Test
	void siteVerifiesWithTheVerifierItIsGiven(FakeLimeApi fake) {
		PassportVerifier noKeys = PassportVerifier.withJwkSource(new ImmutableJWKSet<>(new JWKSet())).build();
		LimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.passportVerifier(noKeys)
			.build();
		String passport = fake.passports().login("lr_given");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> site.verifyPassport(passport, "lr_given").block())
			.withMessageContaining("Unknown JWT kid");
		assertThat(site(fake).verifyPassport(passport, "lr_given").block().requestId()).isEqualTo("lr_given");
	}

	private static String loginRequest(String expiresAt) {
		return "{\"ok\":true,\"data\":{\"login_request_id\":\"lr_1\",\"status\":\"PENDING\",\"expires_at\":\""
				+ expiresAt + "\"}}";
	}

	private static LimeSite canned(CannedHttpServer server) {
		return LimeSite.builder().siteToken("st_x").apiBase(server.baseUrl()).build();
	}

	@Test
	void createdLoginRequestIsRememberedAsPending(FakeLimeApi fake) {
		InMemoryPendingLoginRequests pending = new InMemoryPendingLoginRequests(Clock.systemUTC());
		LimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.pendingRequests(pending)
			.build();
		LoginRequest request = site.createLoginRequest().block();
		assertThat(pending.pending().collectList().block())
			.containsExactly(new PendingLoginRequest(request.requestId(), request.expiresAt()));
	}

	@Test
	void failingPendingStoreDoesNotFailTheCreatedLoginRequest(FakeLimeApi fake) {
		PendingLoginRequests failing = new PendingLoginRequests() {

			@Override
			public Mono<Void> add(String requestId, Instant expiresAt) {
				return Mono.error(new IllegalStateException("store down"));
			}

			@Override
			public Mono<Void> remove(String requestId) {
				return Mono.empty();
			}

			@Override
			public Flux<PendingLoginRequest> pending() {
				return Flux.empty();
			}

		};
		LimeSite site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.pendingRequests(failing)
			.build();
		assertThat(site.createLoginRequest().block().status()).isEqualTo("PENDING");
	}

	@Test
	@SpecItem("LIME-8.2")
	void loginStatusIsReadWithTheSiteTokenAndTellsExpiry(FakeLimeApi fake) {
		LimeSite site = site(fake);
		LoginRequest request = site.createLoginRequest().block();
		LoginStatus pending = site.blocking().getLoginStatus(request.requestId());
		assertThat(pending).isEqualTo(new LoginStatus(request.requestId(), "PENDING", request.expiresAt()));
		assertThat(pending.isExpiredAt(Instant.now())).isFalse();
		assertThat(pending.isExpiredAt(request.expiresAt())).isTrue();
		fake.expire(request.requestId());
		LoginStatus expired = site.getLoginStatus(request.requestId()).block();
		assertThat(expired.status()).isEqualTo("EXPIRED");
		assertThat(expired.isExpiredAt(Instant.now())).isTrue();
		RecordedRequest poll = fake.requests().of(Endpoint.LOGIN_REQUEST_STATUS).get(0);
		assertThat(poll.method()).isEqualTo("GET");
		assertThat(poll.path()).isEqualTo("/api/v1/modules/agent-login/requests/" + request.requestId());
		assertThat(poll.header("X-Site-Token")).isEqualTo(fake.siteToken());
	}

	@Test
	void loginStatusOfAnUnknownRequestIsNotFound(FakeLimeApi fake) {
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(() -> site(fake).getLoginStatus("lr_unknown").block())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SITE_LOGIN_REQUEST_NOT_FOUND");
				assertThat(ex.getHttpStatus()).isEqualTo(404);
			});
	}

	@Test
	void loginStatusWithoutExpiresAtIsReadAndExpiresOnlyWhenLimeSaysSo() {
		LoginStatus status = new LoginStatus("lr_1", "DELIVERED", null);
		assertThat(status.isExpiredAt(Instant.MAX)).isFalse();
		assertThat(new LoginStatus("lr_1", "expired", null).isExpiredAt(Instant.EPOCH)).isTrue();
	}

	private static LimeSite site(FakeLimeApi fake) {
		return LimeSite.builder().siteToken(fake.siteToken()).apiBase(fake.baseUrl()).maxRetries(2).build();
	}

}
