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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.agentprotocols.commons.UncancelledCall;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.LimeAuthenticationException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.client.LimeApiClient;
import io.github.agentprotocols.lime.observation.LimeApiObservationConvention;
import io.github.agentprotocols.lime.observation.LimeApiOperation;
import io.github.agentprotocols.lime.passport.JwksResourceRetriever;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

/**
 * The site side of LIME agent login, the object a site holds: creates login requests and
 * Agent Binding requests at the LIME API, and verifies the passports that come back.
 * Built with {@link #builder()}, usable without Spring. Every method is reactive;
 * {@link #blocking()} offers the same calls for blocking code.
 * <p>
 * Passport verification runs on the caller's thread, except on a non-blocking thread (an
 * event loop), where it moves to {@link Schedulers#boundedElastic()} because fetching the
 * JWKS blocks. The observation in the subscriber's Reactor context, if any, is the
 * current one while it runs, the parent of the verification's.
 */
public final class LimeSite {

	/**
	 * The production API base.
	 */
	public static final String DEFAULT_API_BASE = "https://lime.pics/api/v1";

	/**
	 * The path of the JWKS under the API base.
	 */
	public static final String JWKS_PATH = "/core/.well-known/jwks.json";

	private static final String LOGIN_REQUESTS_PATH = "/modules/agent-login/requests";

	private static final Log logger = LogFactory.getLog(LimeSite.class);

	private final LimeApiClient client;

	private final PassportVerifier verifier;

	private final PendingLoginRequests pendingRequests;

	private final BlockingLimeSite blocking;

	private LimeSite(LimeApiClient client, PassportVerifier verifier, PendingLoginRequests pendingRequests) {
		this.client = client;
		this.verifier = verifier;
		this.pendingRequests = pendingRequests;
		this.blocking = new BlockingLimeSite(this, verifier);
	}

	/**
	 * Start building a site.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a login request ({@code POST /modules/agent-login/requests}). Never retried
	 * once the request may have reached LIME, so no duplicate request is created. The
	 * request is remembered as pending (see {@link Builder#pendingRequests}) until its
	 * outcome arrives; a store that fails is logged, not the call. Once made, the call
	 * runs to its end even when its subscriber leaves meanwhile (a visitor closing the
	 * page), so that a request LIME has created is remembered all the same.
	 * @return the created request
	 */
	public Mono<LoginRequest> createLoginRequest() {
		return UncancelledCall.of(this.client.create(LimeApiOperation.LOGIN_REQUEST, LOGIN_REQUESTS_PATH, Map.of())
			.map(ResponseData::loginRequest)
			.flatMap((request) -> this.pendingRequests.add(request.requestId(), request.expiresAt())
				.onErrorResume((ex) -> {
					logger.warn("Could not remember login request " + request.requestId()
							+ " as pending; its expiry is not reconciled after a disconnect", ex);
					return Mono.empty();
				})
				.thenReturn(request)));
	}

	/**
	 * Read the status of a login request ({@code GET /modules/agent-login/requests/{id}},
	 * spec §3.4), as the dispatcher does to reconcile pending requests after a reconnect.
	 * @param requestId the login request id
	 * @return its status; a {@link io.github.agentprotocols.lime.LimeApiException} with
	 * the code {@code SITE_LOGIN_REQUEST_NOT_FOUND} when LIME does not know it
	 */
	public Mono<LoginStatus> getLoginStatus(String requestId) {
		return this.client
			.get(LimeApiOperation.LOGIN_STATUS,
					LOGIN_REQUESTS_PATH + "/" + UriUtils.encodePathSegment(requestId, StandardCharsets.UTF_8))
			.map((data) -> ResponseData.loginStatus(requestId, data));
	}

	/**
	 * Verify the passport of an approved login request.
	 * @param jwt the passport JWT from the {@code approved} event
	 * @param expectedRequestId the login request it must be for (required by default)
	 * @return the verified passport, or an
	 * {@link io.github.agentprotocols.lime.InvalidPassportException} (a
	 * {@link io.github.agentprotocols.lime.PassportExpiredException} on expiry, a
	 * {@link io.github.agentprotocols.lime.PassportReplayedException} when used before)
	 */
	public Mono<Passport> verifyPassport(String jwt, @Nullable String expectedRequestId) {
		return offEventLoop(() -> this.verifier.verifyPassport(jwt, expectedRequestId));
	}

	/**
	 * Create an Agent Binding request ({@code POST /modules/bindings/requests}).
	 * @param redirectUri where the portal sends the browser back with {@code ?passport=}
	 * @return the created request
	 */
	public Mono<BindingRequest> createBindingRequest(URI redirectUri) {
		return this.client
			.create(LimeApiOperation.BINDING_REQUEST, "/modules/bindings/requests",
					Map.of("redirect_uri", redirectUri.toString()))
			.map(ResponseData::bindingRequest);
	}

	/**
	 * Verify an Agent Binding passport, requiring a {@code binding_id} claim that the
	 * application matches with its pending binding (LIME 2.0).
	 * @param jwt the passport JWT from the redirect
	 * @return the verified passport
	 */
	public Mono<Passport> verifyBindingPassport(String jwt) {
		return offEventLoop(() -> this.verifier.verifyBindingPassport(jwt));
	}

	/**
	 * Verify an Agent Binding passport for a given binding request (LIME 1.2.0).
	 * @param jwt the passport JWT from the redirect
	 * @param expectedBindingId the binding id it must carry
	 * @return the verified passport
	 */
	public Mono<Passport> verifyBindingPassport(String jwt, String expectedBindingId) {
		return offEventLoop(() -> this.verifier.verifyBindingPassport(jwt, expectedBindingId));
	}

	/**
	 * Return the blocking view of this site.
	 * @return the blocking view
	 */
	public BlockingLimeSite blocking() {
		return this.blocking;
	}

	/**
	 * Return the API base URL, without trailing slashes.
	 * @return the API base
	 */
	public String getApiBase() {
		return this.client.getApiBase();
	}

	private static <T> Mono<T> offEventLoop(Callable<T> work) {
		return Mono.deferContextual((contextView) -> {
			Observation parent = ReactiveObservations.current(contextView);
			Mono<T> call = Mono.fromCallable(() -> {
				if (parent == null) {
					return work.call();
				}
				try (Observation.Scope scope = parent.openScope()) {
					return work.call();
				}
			});
			return Schedulers.isInNonBlockingThread() ? call.subscribeOn(Schedulers.boundedElastic()) : call;
		});
	}

	/**
	 * Builds a {@link LimeSite}. The site token is required: given here, else read from
	 * the environment variable {@code LIME_SITE_TOKEN}; the API base likewise falls back
	 * to {@code LIME_API_BASE}, then to {@value #DEFAULT_API_BASE}.
	 */
	public static final class Builder {

		private @Nullable String siteToken;

		private @Nullable String apiBase;

		private @Nullable WebClient webClient;

		private Duration timeout = Duration.ofSeconds(30);

		private int maxRetries = 3;

		private Clock clock = Clock.systemUTC();

		private Function<String, @Nullable String> environment = System::getenv;

		private Consumer<PassportVerifier.Builder> passportVerifier = (verifier) -> {
		};

		private @Nullable PassportVerifier verifier;

		private PendingLoginRequests pendingRequests = PendingLoginRequests.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable LimeApiObservationConvention apiObservationConvention;

		private Builder() {
		}

		/**
		 * Set the site token, sent as {@code X-Site-Token}; a blank value counts as none.
		 * @param siteToken the site token
		 * @return this builder
		 */
		public Builder siteToken(@Nullable String siteToken) {
			this.siteToken = siteToken;
			return this;
		}

		/**
		 * Set the API base URL, including {@code /api/v1}.
		 * @param apiBase the API base
		 * @return this builder
		 */
		public Builder apiBase(@Nullable String apiBase) {
			this.apiBase = apiBase;
			return this;
		}

		/**
		 * Use this web client (its connection settings are kept; the timeout still
		 * applies to each call). By default the site builds its own on Reactor Netty.
		 * @param webClient the web client
		 * @return this builder
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = webClient;
			return this;
		}

		/**
		 * Build the web client from this builder, such as the one Spring Boot configures.
		 * @param webClientBuilder the web client builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClient = webClientBuilder.build();
			return this;
		}

		/**
		 * Set the timeout of each API call attempt, connecting included (default 30 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how many retries may follow a failed API call (default 3).
		 * @param maxRetries the number of retries
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * Set the clock of the passport time checks and of {@code Retry-After} dates.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set where {@code LIME_SITE_TOKEN} and {@code LIME_API_BASE} are looked up
		 * (default {@link System#getenv(String)}).
		 * @param environment the lookup
		 * @return this builder
		 */
		public Builder environment(Function<String, @Nullable String> environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * Customize passport verification: leeway, future {@code iat} bound, issuer,
		 * request binding, one-time use and its store, binding id check, JWKS caching.
		 * @param customizer customizes the verifier builder, which already has the JWKS
		 * location and the clock
		 * @return this builder
		 */
		public Builder passportVerifier(Consumer<PassportVerifier.Builder> customizer) {
			this.passportVerifier = customizer;
			return this;
		}

		/**
		 * Verify passports with this verifier instead of one the site builds for its JWKS
		 * location; {@link #passportVerifier(Consumer)} then has no effect.
		 * @param verifier the verifier
		 * @return this builder
		 */
		public Builder passportVerifier(PassportVerifier verifier) {
			this.verifier = verifier;
			return this;
		}

		/**
		 * Remember the login requests this site creates in a store, for the event
		 * dispatcher to reconcile after a reconnect; give both the same store. By default
		 * nothing is remembered.
		 * @param pendingRequests the store of pending requests
		 * @return this builder
		 */
		public Builder pendingRequests(PendingLoginRequests pendingRequests) {
			this.pendingRequests = pendingRequests;
			return this;
		}

		/**
		 * Observe the calls to the LIME API and, unless a verifier is given, passport
		 * verification in this registry (default {@link ObservationRegistry#NOOP}).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Observe the calls to the LIME API with this convention instead of the default
		 * one.
		 * @param convention the convention
		 * @return this builder
		 */
		public Builder apiObservationConvention(LimeApiObservationConvention convention) {
			this.apiObservationConvention = convention;
			return this;
		}

		/**
		 * Build the site. Nothing is sent until the first call.
		 * @return the site
		 * @throws LimeAuthenticationException when no site token is configured
		 */
		public LimeSite build() {
			String token = firstNonBlank(this.siteToken, this.environment.apply("LIME_SITE_TOKEN"));
			if (token == null) {
				throw new LimeAuthenticationException(
						"Site token is required: set it on the builder or in the LIME_SITE_TOKEN environment variable");
			}
			String base = firstNonBlank(this.apiBase, this.environment.apply("LIME_API_BASE"));
			WebClient web = (this.webClient != null) ? this.webClient : ownWebClient();
			LimeApiClient client = new LimeApiClient(web, (base != null) ? base : DEFAULT_API_BASE, token, this.timeout,
					this.maxRetries, this.clock, this.observationRegistry, this.apiObservationConvention);
			return new LimeSite(client, (this.verifier != null) ? this.verifier : ownVerifier(client),
					this.pendingRequests);
		}

		private PassportVerifier ownVerifier(LimeApiClient client) {
			PassportVerifier.Builder verifier = PassportVerifier
				.withJwkSetUri(client.uri(JWKS_PATH), new JwksResourceRetriever(client))
				.observationRegistry(this.observationRegistry)
				.clock(this.clock);
			this.passportVerifier.accept(verifier);
			return verifier.build();
		}

		private WebClient ownWebClient() {
			HttpClient http = HttpClient.create()
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
						(int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis()))
				.responseTimeout(this.timeout);
			return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		}

		private static @Nullable String firstNonBlank(@Nullable String explicit, @Nullable String fallback) {
			if (explicit != null && !explicit.isBlank()) {
				return explicit.trim();
			}
			return (fallback != null && !fallback.isBlank()) ? fallback.trim() : null;
		}

	}

}
