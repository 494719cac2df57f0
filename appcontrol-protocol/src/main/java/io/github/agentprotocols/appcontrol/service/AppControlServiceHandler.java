package io.github.agentprotocols.appcontrol.service;

import java.nio.charset.StandardCharsets;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.wire.AppControlJson;
import io.github.agentprotocols.commons.web.LimitedBodyReader;
import io.github.agentprotocols.commons.web.RequestBodyTooLargeException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The HTTP face of {@link AppControlServiceHost}: one POST endpoint taking a
 * {@link ServiceRequest} envelope. {@code run} and {@code submit} answer 200 once the
 * command has run, {@code poll} 200 when finished and 202 while running; {@code stream}
 * answers with server-sent events ({@code id} = request id, {@code event} = envelope
 * status, {@code data} = envelope JSON). Refusals are {@code service.response.v1}
 * envelopes with a 4xx status: 400 for an empty, malformed or invalid envelope, 401 for a
 * bad token, 404 for an unknown request id, 409 for a reused request id, 413 for an
 * oversized body.
 */
public class AppControlServiceHandler implements HandlerFunction<ServerResponse> {

	private final AppControlServiceHost host;

	private final LimitedBodyReader bodies;

	/**
	 * A handler.
	 * @param host the host
	 * @param maxRequestBytes largest accepted body
	 */
	public AppControlServiceHandler(AppControlServiceHost host, int maxRequestBytes) {
		this.host = host;
		this.bodies = new LimitedBodyReader(maxRequestBytes);
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		return this.bodies.read(request)
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
			.flatMap(this::dispatch)
			.onErrorResume(RequestBodyTooLargeException.class, (ex) -> reject(tooLarge(ex)))
			.onErrorResume(ServiceRejection.class, this::reject);
	}

	private Mono<ServerResponse> dispatch(String body) {
		ServiceRequest request = this.host.accept(body);
		return switch (request.action()) {
			case RUN -> this.host.run(request).flatMap((response) -> json(HttpStatus.OK, response));
			case SUBMIT -> this.host.submit(request).flatMap((response) -> json(HttpStatus.OK, response));
			case POLL -> {
				ServiceResponse response = this.host.poll(request);
				yield json(AppControlServiceHost.isPending(response) ? HttpStatus.ACCEPTED : HttpStatus.OK, response);
			}
			case STREAM -> ServerResponse.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(this.host.stream(request)
					.map((envelope) -> ServerSentEvent.builder(AppControlJson.write(envelope))
						.id(String.valueOf(envelope.get("requestId")))
						.event(String.valueOf(envelope.get("status")))
						.build())));
		};
	}

	private static ServiceRejection tooLarge(RequestBodyTooLargeException ex) {
		return ServiceRejection.failed(413, "request_too_large", ex.getMessage());
	}

	private Mono<ServerResponse> reject(ServiceRejection rejection) {
		this.host.rejected("http", rejection);
		return json(HttpStatus.valueOf(rejection.getHttpStatus()), rejection.getResponse());
	}

	private static Mono<ServerResponse> json(HttpStatus status, ServiceResponse response) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(response.toJson());
	}

}
