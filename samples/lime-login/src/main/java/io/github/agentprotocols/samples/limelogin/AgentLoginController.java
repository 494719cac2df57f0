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

package io.github.agentprotocols.samples.limelogin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import io.github.agentprotocols.lime.LimeAuthenticationException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LimeRateLimitException;
import io.github.agentprotocols.lime.site.LimeSite;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The page's API: start a LIME login request, then follow it on a Server-Sent-Events
 * stream that carries its one outcome ({@code logged-in}, {@code refused} or
 * {@code expired}) as soon as the LIME event stream brings it, with comments to keep the
 * connection alive meanwhile.
 */
@RestController
@RequestMapping("/lime-login/requests")
public class AgentLoginController {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private final LimeSite lime;

	private final PendingLogins pending;

	private final JsonMapper json;

	public AgentLoginController(LimeSite lime, PendingLogins pending, JsonMapper json) {
		this.lime = lime;
		this.pending = pending;
		this.json = json;
	}

	@PostMapping
	Mono<LoginStarted> start() {
		return this.pending.start(this.lime.createLoginRequest())
			.map((request) -> new LoginStarted(request.requestId(), request.expiresAt(), this.lime.getApiBase(),
					"/lime-login/requests/" + UriUtils.encodePathSegment(request.requestId(), StandardCharsets.UTF_8)
							+ "/events"));
	}

	/**
	 * The login request's outcome as an event whose data is its JSON, written here as
	 * text: Spring wraps text in a heap buffer, whereas it encodes an object into one of
	 * Netty's pooled buffers, and one written as the client leaves is at times never
	 * released. The events come on Reactor's timer and LIME's dispatcher threads and are
	 * handed to Spring on the connection's event loop
	 * ({@link ReactorNettyExchange#onEventLoop}).
	 * @param requestId the login request
	 * @param request the request
	 * @return the events
	 */
	@GetMapping(path = "/{requestId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> events(@PathVariable String requestId, ServerHttpRequest request) {
		Mono<LoginOutcome> outcome = this.pending.outcome(requestId);
		if (outcome == null) {
			throw new UnknownLoginRequestException();
		}
		Mono<LoginOutcome> once = outcome.cache();
		Flux<ServerSentEvent<String>> waiting = Flux.interval(Duration.ZERO, KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.<String>builder().comment("waiting").build())
			.takeUntilOther(once);
		return ReactorNettyExchange.onEventLoop(request, Flux.merge(waiting, once
			.map((end) -> ServerSentEvent.builder(this.json.writeValueAsString(end)).event(end.state()).build())));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unknownRequest(UnknownLoginRequestException ex) {
		return ErrorResponses.of(HttpStatus.NOT_FOUND, ex.getMessage()).build();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> tooManyPending(TooManyPendingLoginsException ex) {
		return ErrorResponses.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()).retryAfter(ex.getRetryAfter()).build();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> rateLimited(LimeRateLimitException ex) {
		Duration retryAfter = ex.getRetryAfter();
		ErrorResponses.Builder response = ErrorResponses.of(HttpStatus.TOO_MANY_REQUESTS,
				"LIME asks this site to slow down: try again later");
		return (retryAfter != null) ? response.retryAfter(retryAfter).build() : response.build();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> limeFailed(LimeException ex) {
		String message = (ex instanceof LimeAuthenticationException) ? "LIME refused this site's token"
				: "LIME could not start a login: " + ex.getMessage();
		return ErrorResponses.of(HttpStatus.BAD_GATEWAY, message).build();
	}

	/**
	 * A login request started by the page.
	 *
	 * @param requestId the LIME login request id, for the agent
	 * @param expiresAt when the request expires unless an agent approves it
	 * @param apiBase the LIME API the agent approves at
	 * @param events where the page follows the request
	 */
	record LoginStarted(String requestId, Instant expiresAt, String apiBase, String events) {

	}

	/**
	 * A login request this page did not start, or has forgotten.
	 */
	static class UnknownLoginRequestException extends RuntimeException {

		UnknownLoginRequestException() {
			super("No login request with this id was started here");
		}

	}

}
