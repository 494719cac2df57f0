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

package io.github.agentprotocols.hpp.web;

import java.util.function.Supplier;

import io.github.agentprotocols.commons.web.UnlessAlreadyAnswered;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The HTTP endpoints of the protocol: each reads the request, calls the
 * {@link HandshakeManager} and writes its result, or {@code {"error": ...}} with the
 * status of the failure.
 */
public class HandshakeHandlers {

	/** Header carrying the handshake token. */
	public static final String TOKEN_HEADER = "X-Handshake-Token";

	private static final Log logger = LogFactory.getLog(HandshakeHandlers.class);

	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	private static final String NO_STORE = CacheControl.noStore().getHeaderValue();

	private final HandshakeManager manager;

	private final RequestBodies bodies;

	private final ClientThrottle failedTokens;

	private final ClientThrottle anonymousCreations;

	/**
	 * Creates the handlers.
	 * @param manager the protocol engine
	 * @param maxBodyBytes the largest accepted request body
	 * @param failedTokens refuses clients that presented too many wrong tokens
	 * @param anonymousCreations refuses clients without an authenticated principal that
	 * created too many sessions
	 */
	public HandshakeHandlers(HandshakeManager manager, int maxBodyBytes, ClientThrottle failedTokens,
			ClientThrottle anonymousCreations) {
		this.manager = manager;
		this.bodies = new RequestBodies(maxBodyBytes);
		this.failedTokens = failedTokens;
		this.anonymousCreations = anonymousCreations;
	}

	/**
	 * Creates a session, unless its creator is anonymous and created too many in the last
	 * minute (429 {@code too many sessions}): an authenticated creator is bounded by the
	 * sessions per owner instead.
	 */
	Mono<ServerResponse> createSession(ServerRequest request) {
		return respond(handshakeRequest(request).flatMap((hr) -> {
			Mono<Long> retryAfter = (hr.principal() != null) ? Mono.just(0L)
					: this.anonymousCreations.tryAcquire(client(request));
			return retryAfter.flatMap((seconds) -> {
				if (seconds > 0) {
					return Mono.error(new HandshakeException(429, "too many sessions", seconds));
				}
				return this.bodies.read(request).flatMap((body) -> this.manager.createSession(body, hr));
			});
		}));
	}

	Mono<ServerResponse> context(ServerRequest request) {
		return respond(throttled(request, () -> this.manager.context(sessionId(request), token(request))));
	}

	Mono<ServerResponse> action(ServerRequest request) {
		return respond(throttled(request, () -> handshakeRequest(request).flatMap((hr) -> this.manager
			.action(sessionId(request), token(request), Mono.defer(() -> this.bodies.read(request)), hr))));
	}

	Mono<ServerResponse> notify(ServerRequest request) {
		return respond(handshakeRequest(request)
			.flatMap((hr) -> this.manager.notify(sessionId(request), Mono.defer(() -> this.bodies.read(request)), hr)));
	}

	Mono<ServerResponse> diff(ServerRequest request) {
		return respond(throttled(request,
				() -> this.manager.diff(sessionId(request), token(request), request.queryParam("since").orElse(null))));
	}

	Mono<ServerResponse> extend(ServerRequest request) {
		return respond(throttled(request, () -> handshakeRequest(request).flatMap((hr) -> this.manager
			.extend(sessionId(request), token(request), Mono.defer(() -> this.bodies.read(request)), hr))));
	}

	Mono<ServerResponse> close(ServerRequest request) {
		return respond(throttled(request, () -> handshakeRequest(request)
			.flatMap((hr) -> this.manager.close(sessionId(request), token(request), hr))));
	}

	/**
	 * Runs a token-authenticated call unless the client presented too many wrong tokens,
	 * and counts the call's token refusal against the client.
	 */
	private Mono<ObjectNode> throttled(ServerRequest request, Supplier<Mono<ObjectNode>> call) {
		String client = client(request);
		return this.failedTokens.retryAfterSeconds(client).flatMap((retryAfter) -> {
			if (retryAfter > 0) {
				return Mono.error(new HandshakeException(429, "rate limit exceeded", retryAfter));
			}
			return call.get()
				.onErrorResume((ex) -> ex instanceof HandshakeException refused && refused.isInvalidToken(),
						(ex) -> recordFailure(client).then(Mono.error(ex)));
		});
	}

	/**
	 * Counts a failed token attempt; the request is answered as it would be if counting
	 * fails.
	 */
	private Mono<Void> recordFailure(String client) {
		return this.failedTokens.record(client).onErrorResume((ex) -> {
			logger.warn("Could not count a failed token attempt of " + client + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * The client's address: the connection's peer, or the forwarded client when the
	 * application trusts forwarded headers ({@code server.forward-headers-strategy}).
	 */
	private static String client(ServerRequest request) {
		return request.remoteAddress()
			.map((address) -> (address.getAddress() != null) ? address.getAddress().getHostAddress()
					: address.getHostString())
			.orElse("");
	}

	private static String sessionId(ServerRequest request) {
		return request.pathVariable("sid");
	}

	/**
	 * The token of an agent request: the {@value #TOKEN_HEADER} header, or when it is
	 * absent or empty the {@code token} query parameter.
	 * @param request the request
	 * @return the token, or null
	 */
	static @Nullable String token(ServerRequest request) {
		String header = request.headers().firstHeader(TOKEN_HEADER);
		if (header != null && !header.isEmpty()) {
			return header;
		}
		return request.queryParam("token").orElse(null);
	}

	private static Mono<HandshakeRequest> handshakeRequest(ServerRequest request) {
		HttpHeaders headers = request.headers().asHttpHeaders();
		return request.principal()
			.map((principal) -> new HandshakeRequest(principal, headers, request.exchange()))
			.defaultIfEmpty(new HandshakeRequest(null, headers, request.exchange()));
	}

	private static Mono<ServerResponse> respond(Mono<ObjectNode> result) {
		return result.flatMap((body) -> write(200, body, 0)).onErrorResume((ex) -> {
			if (ex instanceof HandshakeException refused) {
				return write(refused.getStatus(), error(refused.getMessage()), refused.getRetryAfterSeconds());
			}
			if (ex instanceof SessionStoreUnavailableException) {
				logger.warn("Handshake request refused: " + ex.getMessage());
				return write(503, error("session store unavailable"), STORE_RETRY_AFTER_SECONDS);
			}
			if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				// the client closed the connection before its request was read: nobody to
				// blame but the peer
				logger.debug("Handshake request abandoned by the client: " + ex);
				return write(400, error("request incomplete"), 0);
			}
			logger.error("Handshake request failed", ex);
			return write(500, error("internal server error"), 0);
		}).map(UnlessAlreadyAnswered::new);
	}

	private static ObjectNode error(String message) {
		return JsonNodeFactory.instance.objectNode().put("error", message);
	}

	/**
	 * Writes the response, its JSON straight into the response's buffer.
	 */
	private static Mono<ServerResponse> write(int status, ObjectNode body, long retryAfterSeconds) {
		ServerResponse.BodyBuilder response = ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, NO_STORE);
		if (retryAfterSeconds > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		return response.body((message, context) -> message.writeWith(Mono.fromSupplier(() -> {
			DataBuffer json = HppJson.write(body, message.bufferFactory());
			message.getHeaders().setContentLength(json.readableByteCount());
			return json;
		})));
	}

}
