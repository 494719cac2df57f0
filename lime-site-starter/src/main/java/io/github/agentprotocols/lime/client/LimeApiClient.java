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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import io.github.agentprotocols.commons.UncancelledCall;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.observation.DefaultLimeApiObservationConvention;
import io.github.agentprotocols.lime.observation.LimeApiObservationContext;
import io.github.agentprotocols.lime.observation.LimeApiObservationConvention;
import io.github.agentprotocols.lime.observation.LimeApiOperation;
import io.github.agentprotocols.lime.wire.LimeJson;
import io.micrometer.observation.Observation;
import io.netty.handler.timeout.ReadTimeoutException;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP client of the LIME API (spec §3.1): sends the site token, reads the response
 * envelope and maps errors to the LIME exceptions, and retries failed attempts up to
 * {@code maxRetries} times with the backoff {@code 0.25 s × 2^n + U[0, 0.1] s}. A 429's
 * {@code Retry-After} is honoured when it is no longer than the call timeout (else the
 * call fails at once with the wait in the exception). Calls that create something are
 * retried only when the failure proves nothing was created (see {@link RetryRule}). The
 * timeout applies to each attempt, whoever built the {@link WebClient}.
 * <p>
 * Each call, retries included, is an observation named after its
 * {@link LimeApiOperation}, a child of the observation in the subscriber's Reactor
 * context (or of the current one): every attempt sends the propagation headers it
 * collected, so LIME's side of the call joins the trace. A {@link WebClient} built with
 * an {@link ObservationRegistry} observes each attempt as a child of it, and sends its
 * own span's headers instead.
 */
public class LimeApiClient {

	private static final String SITE_TOKEN_HEADER = "X-Site-Token";

	private static final Log logger = LogFactory.getLog("lime");

	private static final LimeApiObservationConvention DEFAULT_CONVENTION = new DefaultLimeApiObservationConvention();

	private final WebClient webClient;

	private final String apiBase;

	private final String siteToken;

	private final Duration timeout;

	private final int maxRetries;

	private final RetryBackoff backoff;

	private final Clock clock;

	private final ObservationRegistry observationRegistry;

	private final @Nullable LimeApiObservationConvention observationConvention;

	/**
	 * Create a client that is not observed.
	 * @param webClient the web client to send with
	 * @param apiBase the API base URL including {@code /api/v1}; trailing slashes are
	 * removed
	 * @param siteToken the site token sent as {@code X-Site-Token}
	 * @param timeout the timeout of each attempt
	 * @param maxRetries how many attempts may follow the first one
	 * @param clock the clock for {@code Retry-After} dates
	 */
	public LimeApiClient(WebClient webClient, String apiBase, String siteToken, Duration timeout, int maxRetries,
			Clock clock) {
		this(webClient, apiBase, siteToken, timeout, maxRetries, clock, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a client whose calls are observed.
	 * @param webClient the web client to send with
	 * @param apiBase the API base URL including {@code /api/v1}; trailing slashes are
	 * removed
	 * @param siteToken the site token sent as {@code X-Site-Token}
	 * @param timeout the timeout of each attempt
	 * @param maxRetries how many attempts may follow the first one
	 * @param clock the clock for {@code Retry-After} dates
	 * @param observationRegistry the registry of the calls' observations
	 * @param observationConvention the convention of the calls' observations, or
	 * {@code null} for the default one
	 */
	public LimeApiClient(WebClient webClient, String apiBase, String siteToken, Duration timeout, int maxRetries,
			Clock clock, ObservationRegistry observationRegistry,
			@Nullable LimeApiObservationConvention observationConvention) {
		this.webClient = webClient;
		this.apiBase = stripTrailingSlashes(apiBase);
		this.siteToken = siteToken;
		this.timeout = timeout;
		this.maxRetries = maxRetries;
		this.backoff = new RetryBackoff(RandomGenerator.getDefault());
		this.clock = clock;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the API base URL, without trailing slashes.
	 * @return the API base
	 */
	public String getApiBase() {
		return this.apiBase;
	}

	/**
	 * Return the URL of a path under the API base.
	 * @param path the path, with or without a leading slash
	 * @return the URL
	 */
	public URI uri(String path) {
		int start = 0;
		while (start < path.length() && path.charAt(start) == '/') {
			start++;
		}
		return URI.create(this.apiBase + "/" + path.substring(start));
	}

	/**
	 * POST a JSON body with the site token to create something, such as a login request.
	 * Retried only when nothing can have been created.
	 * @param operation the call, naming its observation
	 * @param path the path under the API base
	 * @param body the body, serialized as JSON
	 * @return the response's {@code data} object
	 */
	public Mono<JsonNode> create(LimeApiOperation operation, String path, Object body) {
		String json = LimeJson.write(body);
		return observed(operation, new Call(HttpMethod.POST, uri(path), json, true, RetryRule.CREATE),
				LimeEnvelope::data);
	}

	/**
	 * GET with the site token.
	 * @param operation the call, naming its observation
	 * @param path the path under the API base
	 * @return the response's {@code data} object
	 */
	public Mono<JsonNode> get(LimeApiOperation operation, String path) {
		return observed(operation, new Call(HttpMethod.GET, uri(path), null, true, RetryRule.IDEMPOTENT),
				LimeEnvelope::data);
	}

	/**
	 * GET without the site token.
	 * @param operation the call, naming its observation
	 * @param path the path under the API base
	 * @return the response's {@code data} object
	 */
	public Mono<JsonNode> getPublic(LimeApiOperation operation, String path) {
		return observed(operation, new Call(HttpMethod.GET, uri(path), null, false, RetryRule.IDEMPOTENT),
				LimeEnvelope::data);
	}

	/**
	 * GET a document without the site token and read the response as received, after the
	 * retries: for documents that may come without the envelope, such as the JWKS. The
	 * reading is part of the call's observation.
	 * @param <T> the type read
	 * @param operation the call, naming its observation
	 * @param uri the document's URL
	 * @param reader reads the last response; what it throws fails the call
	 * @return what the reader returned
	 */
	public <T> Mono<T> fetch(LimeApiOperation operation, URI uri, Function<LimeResponse, T> reader) {
		return observed(operation, new Call(HttpMethod.GET, uri, null, false, RetryRule.IDEMPOTENT), reader);
	}

	/**
	 * Observe a call; the observation stops before its result is emitted, so that whoever
	 * blocks on it sees it stopped.
	 */
	private <T> Mono<T> observed(LimeApiOperation operation, Call call, Function<LimeResponse, T> reader) {
		return Mono.deferContextual((contextView) -> {
			LimeApiObservationContext context = new LimeApiObservationContext(operation, call.method(), call.uri());
			Observation parent = ReactiveObservations.current(contextView);
			Observation observation = operation.getDocumentation()
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.parentObservation((parent != null) ? parent : this.observationRegistry.getCurrentObservation())
				.start();
			return ReactiveObservations.asParent(observation,
					ReactiveObservations.stopOnEnd(observation, exchange(call, context, 0).map(reader)));
		});
	}

	/**
	 * Send a call, retrying as its rule allows. Each attempt runs to its answer or its
	 * timeout even when the subscriber leaves meanwhile ({@link UncancelledCall}); no
	 * attempt follows a subscriber's leaving.
	 */
	private Mono<LimeResponse> exchange(Call call, LimeApiObservationContext context, int attempt) {
		return UncancelledCall.of(send(call, context).timeout(this.timeout))
			.map(Attempt::of)
			.onErrorResume((ex) -> Mono.just(Attempt.failed(ex)))
			.flatMap((result) -> {
				Duration delay = retryDelay(call, result, attempt);
				if (delay != null) {
					if (logger.isWarnEnabled()) {
						logger.warn("Retrying " + call.method() + " " + call.uri() + " in " + delay.toMillis()
								+ " ms after " + result.describe());
					}
					return Mono.delay(delay).then(exchange(call, context, attempt + 1));
				}
				if (result.failure() != null) {
					return Mono.error(transportFailure(call, result.failure()));
				}
				return Mono.justOrEmpty(result.response());
			});
	}

	private Mono<LimeResponse> send(Call call, LimeApiObservationContext context) {
		return Mono.defer(() -> {
			if (logger.isDebugEnabled()) {
				logger.debug(call.method() + " " + call.uri());
			}
			context.attempted();
			WebClient.RequestBodySpec request = this.webClient.method(call.method())
				.uri(call.uri())
				.headers((headers) -> headers(headers, call, context));
			WebClient.RequestHeadersSpec<?> ready = (call.body() != null) ? request.bodyValue(call.body()) : request;
			return ready.exchangeToMono((response) -> {
				context.setResponse(response.statusCode());
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new LimeResponse(response.statusCode().value(),
							RetryBackoff.parseRetryAfter(
									response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
									this.clock.instant()),
							body));
			});
		});
	}

	private void headers(HttpHeaders headers, Call call, LimeApiObservationContext context) {
		HttpHeaders propagation = context.getCarrier();
		if (propagation != null) {
			headers.addAll(propagation);
		}
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (call.authenticated()) {
			headers.set(SITE_TOKEN_HEADER, this.siteToken);
		}
		if (call.body() != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
	}

	private @Nullable Duration retryDelay(Call call, Attempt result, int attempt) {
		if (attempt >= this.maxRetries) {
			return null;
		}
		Throwable failure = result.failure();
		if (failure != null) {
			return call.rule().retries(failure) ? this.backoff.delay(attempt) : null;
		}
		LimeResponse response = result.response();
		if (response == null || !call.rule().retries(response.status())) {
			return null;
		}
		Duration delay = this.backoff.delay(attempt);
		Duration retryAfter = (response.status() == 429) ? response.retryAfter() : null;
		if (retryAfter == null) {
			return delay;
		}
		if (retryAfter.compareTo(this.timeout) > 0) {
			return null;
		}
		return (retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
	}

	private LimeException transportFailure(Call call, Throwable failure) {
		String reason = timedOut(failure) ? "no response within " + this.timeout.toMillis() + " ms"
				: String.valueOf(failure.getMessage());
		return new LimeException("LIME API request " + call.method() + " " + call.uri() + " failed: " + reason,
				failure);
	}

	/**
	 * Whether a failure is the call's timeout or the read timeout of the HTTP client
	 * (Reactor Netty's response timeout, which the starter's own client sets to the same
	 * duration, so that either may fire first).
	 */
	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String stripTrailingSlashes(String url) {
		int end = url.length();
		while (end > 0 && url.charAt(end - 1) == '/') {
			end--;
		}
		return url.substring(0, end);
	}

	private record Call(HttpMethod method, URI uri, @Nullable String body, boolean authenticated, RetryRule rule) {

	}

	private record Attempt(@Nullable LimeResponse response, @Nullable Throwable failure) {

		static Attempt of(LimeResponse response) {
			return new Attempt(response, null);
		}

		static Attempt failed(Throwable failure) {
			return new Attempt(null, failure);
		}

		String describe() {
			return (this.response != null) ? "HTTP " + this.response.status() : String.valueOf(this.failure);
		}

	}

}
