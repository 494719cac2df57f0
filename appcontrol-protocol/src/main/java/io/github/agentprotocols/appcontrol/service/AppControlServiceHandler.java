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

package io.github.agentprotocols.appcontrol.service;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.commons.web.LimitedBodyReader;
import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import io.github.agentprotocols.commons.web.RequestBodyTooLargeException;
import io.github.agentprotocols.commons.web.UnlessAlreadyAnswered;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The HTTP face of {@link AppControlServiceHost}: one POST endpoint taking a
 * {@link ServiceRequest} envelope. {@code run} and {@code submit} answer 200 once the
 * command has run, {@code poll} 200 when finished and 202 while running; {@code stream}
 * answers with server-sent events ({@code id} = request id, {@code event} = envelope
 * status, {@code data} = envelope JSON). Refusals are {@code service.response.v1}
 * envelopes with a 4xx status: 400 for an empty, malformed (not UTF-8 included),
 * incomplete (the client closed the connection before sending the whole body) or invalid
 * envelope, 401 for a bad token, 403 for a client on another machine (unless remote
 * clients are allowed), 404 for an unknown request id, 409 for a reused request id, 413
 * for an oversized body, 429 with {@code Retry-After} for a client that presented too
 * many wrong tokens.
 * <p>
 * By default only clients on loopback are answered, as on the host's Unix socket: the
 * client is the request's remote address, the connection's peer unless the application
 * trusts forwarded headers (Spring Boot's {@code server.forward-headers-strategy}). A
 * request without a remote address, such as one of a mock exchange, is not from the
 * network and is answered.
 * <p>
 * A client's missing or wrong tokens are counted by a {@link ClientThrottle}: past its
 * limit the client is refused ({@code rate_limited}) until its oldest failure is a minute
 * old, whatever it sends.
 * <p>
 * Each request is observed ({@code appcontrol.service.request}) as a child of WebFlux's
 * server observation when the application observes its HTTP server (Spring Boot does when
 * it has an {@code ObservationRegistry}), which joins the caller's trace; a
 * {@code stream}'s observation ends with its last event.
 */
public class AppControlServiceHandler implements HandlerFunction<ServerResponse> {

	private static final String TRANSPORT = "http";

	private static final Logger logger = LoggerFactory.getLogger(AppControlServiceHandler.class);

	private final AppControlServiceHost host;

	private final LimitedBodyReader bodies;

	private final boolean allowRemote;

	private final ClientThrottle failedTokens;

	/**
	 * A handler that answers clients on loopback only and throttles each after
	 * {@value ClientThrottle#DEFAULT_LIMIT} wrong tokens a minute.
	 * @param host the host
	 * @param maxRequestBytes largest accepted body
	 */
	public AppControlServiceHandler(AppControlServiceHost host, int maxRequestBytes) {
		this(host, maxRequestBytes, false, new ClientThrottle(ClientThrottle.DEFAULT_LIMIT,
				ClientThrottle.DEFAULT_MAX_CLIENTS, Clock.systemUTC()));
	}

	/**
	 * A handler.
	 * @param host the host
	 * @param maxRequestBytes largest accepted body
	 * @param allowRemote whether clients on other machines are answered too, rather than
	 * refused with 403 {@code client_not_allowed}
	 * @param failedTokens counts each client's missing or wrong tokens and refuses the
	 * clients past its limit
	 */
	public AppControlServiceHandler(AppControlServiceHost host, int maxRequestBytes, boolean allowRemote,
			ClientThrottle failedTokens) {
		this.host = host;
		this.bodies = new LimitedBodyReader(maxRequestBytes);
		this.allowRemote = allowRemote;
		this.failedTokens = failedTokens;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		return Mono.deferContextual((reactor) -> {
			ServiceRequestObservationContext context = new ServiceRequestObservationContext(TRANSPORT);
			Observation observation = this.host.requestObservation(context, ReactiveObservations.current(reactor))
				.start();
			InetSocketAddress client = request.remoteAddress().orElse(null);
			Mono<ServerResponse> response = admitted(client).then(Mono.defer(() -> this.bodies.read(request)))
				.map(AppControlServiceHandler::text)
				.flatMap((body) -> {
					try (Observation.Scope scope = observation.openScope()) {
						return dispatch(request, body, context, observation);
					}
				})
				.onErrorResume(RequestBodyTooLargeException.class, (ex) -> reject(tooLarge(ex), context))
				.onErrorResume(DisconnectedClientHelper::isClientDisconnectedException,
						(ex) -> reject(abandoned(ex), context))
				.onErrorResume(ServiceRejection.class, (rejection) -> {
					countFailedToken(client, rejection);
					return reject(rejection, context);
				})
				.<ServerResponse>map(UnlessAlreadyAnswered::new)
				.doOnError(observation::error)
				.doFinally((signal) -> {
					if (!isStream(context)) {
						observation.stop();
					}
				});
			return ReactiveObservations.asParent(observation, response);
		});
	}

	/**
	 * Completes when the client may be answered, else fails with the refusal: a client on
	 * another machine unless remote clients are allowed, then a throttled client.
	 */
	private Mono<Void> admitted(@Nullable InetSocketAddress client) {
		if (client == null) {
			return Mono.empty();
		}
		if (!this.allowRemote && !ClientAddresses.isLoopback(client)) {
			return Mono.error(ServiceRejection.failed(403, "client_not_allowed",
					"the local service host answers clients on this machine only"));
		}
		long retryAfter = this.failedTokens.retryAfterSeconds(ClientAddresses.text(client));
		return (retryAfter > 0) ? Mono.error(new ThrottledRejection(retryAfter)) : Mono.empty();
	}

	/**
	 * Counts a missing or wrong token (the host's only 401) against the client.
	 */
	private void countFailedToken(@Nullable InetSocketAddress client, ServiceRejection rejection) {
		if (client != null && rejection.getHttpStatus() == HttpStatus.UNAUTHORIZED.value()) {
			this.failedTokens.record(ClientAddresses.text(client));
		}
	}

	private Mono<ServerResponse> dispatch(ServerRequest http, String body, ServiceRequestObservationContext context,
			Observation observation) {
		ServiceRequest request = this.host.accept(body);
		context.setRequest(request);
		return switch (request.action()) {
			case RUN -> this.host.run(request).flatMap((response) -> json(HttpStatus.OK, response, context));
			case SUBMIT -> this.host.submit(request).flatMap((response) -> json(HttpStatus.OK, response, context));
			case POLL -> {
				ServiceResponse response = this.host.poll(request);
				yield json(AppControlServiceHost.isPending(response) ? HttpStatus.ACCEPTED : HttpStatus.OK, response,
						context);
			}
			case STREAM -> ServerResponse.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(ReactorNettyExchange.onEventLoop(http.exchange().getRequest(),
						events(request, context, observation))));
		};
	}

	private Flux<ServerSentEvent<String>> events(ServiceRequest request, ServiceRequestObservationContext context,
			Observation observation) {
		Flux<ServerSentEvent<String>> events = this.host.stream(request)
			.doOnNext((envelope) -> recordFinal(envelope, context))
			.map((envelope) -> ServerSentEvent.builder(AppControlJson.write(envelope))
				.id(String.valueOf(envelope.get("requestId")))
				.event(String.valueOf(envelope.get("status")))
				.build())
			.doOnError(observation::error)
			.doFinally((signal) -> observation.stop());
		return ReactiveObservations.asParent(observation, events);
	}

	/**
	 * Records a stream's final {@code service.response.v1} envelope as the answer.
	 * @param envelope an envelope of the stream
	 * @param context the request's context
	 */
	static void recordFinal(Map<String, Object> envelope, ServiceRequestObservationContext context) {
		if (!"event".equals(envelope.get("status"))) {
			context.setResponse(ServiceResponse.fromMap(envelope));
		}
	}

	/**
	 * The body as text, refused as the Unix socket refuses a line when it is not UTF-8 (a
	 * lenient decoding would read replacement characters and answer differently).
	 */
	private static String text(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException ex) {
			throw ServiceRejection.notUtf8();
		}
	}

	private static boolean isStream(ServiceRequestObservationContext context) {
		return context.getRequest() != null && context.getRequest().action() == ServiceAction.STREAM;
	}

	private static ServiceRejection tooLarge(RequestBodyTooLargeException ex) {
		return ServiceRejection.failed(413, "request_too_large", ex.getMessage());
	}

	/**
	 * The refusal of a body the client cut short by closing the connection: the peer's
	 * doing, logged at DEBUG, and answered in case the client still reads.
	 */
	private static ServiceRejection abandoned(Throwable ex) {
		logger.debug("app-control service request abandoned by the client: {}", ex.toString());
		return ServiceRejection.incomplete();
	}

	private Mono<ServerResponse> reject(ServiceRejection rejection, ServiceRequestObservationContext context) {
		this.host.rejected(TRANSPORT, rejection);
		long retryAfter = (rejection instanceof ThrottledRejection throttled) ? throttled.getRetryAfterSeconds() : 0;
		return json(HttpStatus.valueOf(rejection.getHttpStatus()), rejection.getResponse(), context, retryAfter);
	}

	private static Mono<ServerResponse> json(HttpStatus status, ServiceResponse response,
			ServiceRequestObservationContext context) {
		return json(status, response, context, 0);
	}

	private static Mono<ServerResponse> json(HttpStatus status, ServiceResponse response,
			ServiceRequestObservationContext context, long retryAfterSeconds) {
		context.setResponse(response);
		byte[] body = response.toJson().getBytes(StandardCharsets.UTF_8);
		ServerResponse.BodyBuilder answer = ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(body.length);
		if (retryAfterSeconds > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		// the bytes themselves: no message writer to choose for a String on every answer
		return answer
			.body((message, writers) -> message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(body))));
	}

}
