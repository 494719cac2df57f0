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

package io.github.agentprotocols.lime.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.agentprotocols.lime.test.FakeLimeFaults.InjectedFailure;
import io.github.agentprotocols.lime.test.FakeLimeServerState.BindingRequest;
import io.github.agentprotocols.lime.test.FakeLimeServerState.SiteTokenProblem;
import io.github.agentprotocols.lime.test.LoginRequests.Entry;
import io.github.agentprotocols.lime.wire.LimeJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of the {@link FakeLimeApi}: routes each request to its {@link Endpoint},
 * records it, applies injected failures and answers in the LIME envelope.
 */
final class FakeLimeHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final String API = "/api/v1";

	private static final String LOGIN_REQUESTS = API + "/modules/agent-login/requests";

	private final FakeLimeServerState state;

	private final Supplier<String> origin;

	private final FakeLimeFaults faults;

	private final RecordedRequests requests;

	private final Scheduler scheduler;

	private final Duration keepAliveInterval;

	private final Consumer<String> loginRequestCreated;

	FakeLimeHandler(FakeLimeServerState state, Supplier<String> origin, FakeLimeFaults faults,
			RecordedRequests requests, Scheduler scheduler, Duration keepAliveInterval,
			Consumer<String> loginRequestCreated) {
		this.state = state;
		this.origin = origin;
		this.faults = faults;
		this.requests = requests;
		this.scheduler = scheduler;
		this.keepAliveInterval = keepAliveInterval;
		this.loginRequestCreated = loginRequestCreated;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		Route route = Route.of(request.method().name(), uri.rawPath());
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			this.requests.add(
					new RecordedRequest(route.endpoint(), request.method().name(), uri.path(), headers(request), body));
			InjectedFailure failure = this.faults.takeFailure(route.endpoint());
			if (failure != null) {
				return injected(response, failure);
			}
			return Mono.from(handle(route, request, response, uri, body));
		});
	}

	private Publisher<Void> handle(Route route, HttpServerRequest request, HttpServerResponse response,
			QueryStringDecoder uri, String body) {
		return switch (route.endpoint()) {
			case CREATE_LOGIN_REQUEST -> siteCall(request, response, () -> createLoginRequest(response));
			case LOGIN_REQUEST_STATUS -> siteCall(request, response, () -> loginRequestStatus(response, route.id()));
			case EVENTS -> siteCall(request, response, () -> events(request, response));
			case CHALLENGE -> challenge(response, route.id());
			case APPROVE -> approve(request, response, route.id(), body);
			case JWKS -> jwks(response);
			case CREATE_BINDING_REQUEST -> siteCall(request, response, () -> createBindingRequest(response, body));
			case CONNECT -> connect(response, uri);
			case UNKNOWN -> error(response, 404, "NOT_FOUND", "No such endpoint");
		};
	}

	private Publisher<Void> createLoginRequest(HttpServerResponse response) {
		Entry entry = this.state.createLoginRequest();
		this.loginRequestCreated.accept(entry.id);
		return ok(response, 201, Json.object("login_request_id", entry.id, "status", entry.status().name(),
				"expires_at", this.state.format(entry.expiresAt)));
	}

	private Publisher<Void> loginRequestStatus(HttpServerResponse response, String id) {
		Entry entry = this.state.findLoginRequest(id);
		if (entry == null) {
			return notFound(response);
		}
		return ok(response, 200, Json.object("request_id", entry.id, "login_request_id", entry.id, "status",
				entry.status().name(), "expires_at", this.state.format(entry.expiresAt)));
	}

	private Publisher<Void> events(HttpServerRequest request, HttpServerResponse response) {
		SseConnection connection = new SseConnection(this.faults, this.scheduler);
		EventStreams streams = this.state.streams();
		streams.open(connection, request.requestHeaders().get("Last-Event-ID"));
		Disposable keepalives = Flux.interval(this.keepAliveInterval, this.scheduler)
			.subscribe((tick) -> connection.keepalive());
		Flux<ByteBuf> output = connection.output(() -> response.withConnection(FakeLimeHandler::drop))
			.map(Unpooled::wrappedBuffer)
			.doFinally((signal) -> {
				keepalives.dispose();
				streams.closed(connection);
			});
		return response.status(200)
			.header("Content-Type", "text/event-stream")
			.header("Cache-Control", "no-cache")
			.header("Transfer-Encoding", "chunked")
			.sendHeaders()
			.then()
			.then(Mono.from(response.send(output, (buffer) -> true)));
	}

	/**
	 * Close the connection once the writes queued before are done, so the client sees the
	 * response body break off without its final chunk.
	 */
	private static void drop(Connection connection) {
		Channel channel = connection.channel();
		channel.eventLoop()
			.execute(() -> channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
	}

	private Publisher<Void> challenge(HttpServerResponse response, String id) {
		Entry entry = this.state.findLoginRequest(id);
		if (entry == null) {
			return notFound(response);
		}
		return ok(response, 200, Json.object("request_id", entry.id, "status", entry.status().name(), "pow_challenge",
				entry.challenge, "pow_difficulty", entry.difficulty, "expires_at", this.state.format(entry.expiresAt)));
	}

	private Publisher<Void> approve(HttpServerRequest request, HttpServerResponse response, String id, String body) {
		String token = request.requestHeaders().get("X-Agent-Token");
		if (token == null || token.isBlank()) {
			return error(response, 401, "MISSING_AGENT_TOKEN", "Agent token is required");
		}
		if (!token.equals(this.state.agentToken())) {
			return error(response, 401, "INVALID_AGENT_TOKEN", "Agent token is invalid");
		}
		Entry entry = this.state.findLoginRequest(id);
		if (entry == null) {
			return notFound(response);
		}
		JsonNode json = Json.parseOrNull(body);
		JsonNode nonce = (json != null && json.isObject()) ? json.get("pow_nonce") : null;
		if (nonce == null || nonce.isNull() || nonce.isContainer()) {
			return error(response, 400, "MISSING_POW_NONCE", "pow_nonce is required");
		}
		if (!ProofOfWork.isValid(entry.challenge, nonce.asString(), entry.difficulty)) {
			return error(response, 400, "INVALID_POW", "Proof-of-work is invalid");
		}
		if (entry.status() == LoginRequestStatus.EXPIRED) {
			return error(response, 410, "REQUEST_EXPIRED", "Login request has expired");
		}
		LoginRequestStatus status = this.state.approve(entry);
		if (status == null) {
			return (entry.status() == LoginRequestStatus.EXPIRED)
					? error(response, 410, "REQUEST_EXPIRED", "Login request has expired")
					: error(response, 409, "SITE_LOGIN_CONFLICT", "Login request is no longer pending");
		}
		return ok(response, 200,
				Json.object("request_id", entry.id, "site_id", this.state.siteId(), "status", status.name(),
						"expires_at", this.state.format(entry.expiresAt), "approved_agent_id", this.state.agentId()));
	}

	private Publisher<Void> jwks(HttpServerResponse response) {
		if (this.faults.jwksUnavailable()) {
			return error(response, 503, "SERVICE_UNAVAILABLE", "JWKS is unavailable");
		}
		String jwks = LimeJson.write(this.state.jwks());
		return json(response, 200, (this.state.jwksMode() == JwksMode.RAW) ? jwks : Json.ok(jwks));
	}

	private Publisher<Void> createBindingRequest(HttpServerResponse response, String body) {
		JsonNode json = Json.parseOrNull(body);
		JsonNode redirect = (json != null && json.isObject()) ? json.get("redirect_uri") : null;
		URI redirectUri = (redirect != null && redirect.isString()) ? absoluteHttpUri(redirect.asString()) : null;
		if (redirectUri == null) {
			return error(response, 400, "VALIDATION_ERROR", "redirect_uri must be an absolute http(s) URI");
		}
		BindingRequest binding = this.state.createBindingRequest(redirectUri);
		return ok(response, 201,
				Json.object("binding_id", binding.id(), "connect_url",
						this.origin.get() + "/connect/?binding_id=" + binding.id(), "status", "PENDING", "expires_at",
						this.state.format(binding.expiresAt())));
	}

	private Publisher<Void> connect(HttpServerResponse response, QueryStringDecoder uri) {
		List<String> ids = uri.parameters().get("binding_id");
		URI redirect = (ids != null && !ids.isEmpty()) ? this.state.completeBinding(ids.get(0)) : null;
		if (redirect == null) {
			return error(response, 404, "BINDING_NOT_FOUND", "Binding request not found or expired");
		}
		return response.status(302).header("Location", redirect.toString()).send();
	}

	private Publisher<Void> siteCall(HttpServerRequest request, HttpServerResponse response,
			Supplier<Publisher<Void>> call) {
		SiteTokenProblem problem = this.state.checkSiteToken(request.requestHeaders().get("X-Site-Token"));
		if (problem == null) {
			return call.get();
		}
		return switch (problem) {
			case MISSING -> error(response, 401, "SITE_TOKEN_MISSING", "Site token is required");
			case INVALID -> error(response, 401, "SITE_TOKEN_INVALID", "Site token is invalid");
			case SUSPENDED -> error(response, 403, "SITE_SUSPENDED", "Site is suspended");
		};
	}

	private Mono<Void> injected(HttpServerResponse response, InjectedFailure failure) {
		if (failure.status() == 429 || failure.status() == 503) {
			response.header("Retry-After", Long.toString(this.faults.retryAfter().toSeconds()));
		}
		return Mono.from(error(response, failure.status(), failure.code(), "Injected by FakeLimeApi"));
	}

	private Publisher<Void> notFound(HttpServerResponse response) {
		return error(response, 404, "SITE_LOGIN_REQUEST_NOT_FOUND", "Login request not found");
	}

	private Publisher<Void> error(HttpServerResponse response, int status, String code, String message) {
		if (this.faults.htmlErrorBodies()) {
			String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
			String html = "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " "
					+ reason + "</h1></body></html>";
			return send(response, status, "text/html; charset=utf-8", html);
		}
		return json(response, status, Json.error(code, message));
	}

	private Publisher<Void> ok(HttpServerResponse response, int status, String data) {
		return json(response, status, Json.ok(data));
	}

	private Publisher<Void> json(HttpServerResponse response, int status, String body) {
		return send(response, status, "application/json", body);
	}

	private Publisher<Void> send(HttpServerResponse response, int status, String contentType, String body) {
		return response.status(status)
			.header("Content-Type", contentType)
			.sendString(Mono.just(body), StandardCharsets.UTF_8);
	}

	private static @Nullable URI absoluteHttpUri(String text) {
		try {
			URI uri = new URI(text.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static Map<String, String> headers(HttpServerRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((entry) -> headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
		return headers;
	}

	/**
	 * The endpoint a method and raw path lead to, with the login request id of the path.
	 */
	record Route(Endpoint endpoint, String id) {

		static Route of(String method, String rawPath) {
			String path = rawPath.endsWith("/") && rawPath.length() > 1 && !rawPath.equals("/connect/")
					? rawPath.substring(0, rawPath.length() - 1) : rawPath;
			boolean get = method.equals("GET");
			boolean post = method.equals("POST");
			if (post && path.equals(LOGIN_REQUESTS)) {
				return new Route(Endpoint.CREATE_LOGIN_REQUEST, "");
			}
			if (get && path.equals(API + "/modules/agent-login/events")) {
				return new Route(Endpoint.EVENTS, "");
			}
			if (get && path.equals(API + "/core/.well-known/jwks.json")) {
				return new Route(Endpoint.JWKS, "");
			}
			if (post && path.equals(API + "/modules/bindings/requests")) {
				return new Route(Endpoint.CREATE_BINDING_REQUEST, "");
			}
			if (get && (path.equals("/connect/") || path.equals("/connect"))) {
				return new Route(Endpoint.CONNECT, "");
			}
			String id = idAfter(path, LOGIN_REQUESTS + "/", "");
			if (get && id != null) {
				return new Route(Endpoint.LOGIN_REQUEST_STATUS, id);
			}
			id = idAfter(path, LOGIN_REQUESTS + "/", "/approve");
			if (post && id != null) {
				return new Route(Endpoint.APPROVE, id);
			}
			id = idAfter(path, API + "/auth/requests/", "");
			if (get && id != null) {
				return new Route(Endpoint.CHALLENGE, id);
			}
			return new Route(Endpoint.UNKNOWN, "");
		}

		private static @Nullable String idAfter(String path, String prefix, String suffix) {
			if (!path.startsWith(prefix) || !path.endsWith(suffix)
					|| path.length() <= prefix.length() + suffix.length()) {
				return null;
			}
			String segment = path.substring(prefix.length(), path.length() - suffix.length());
			return segment.contains("/") ? null : QueryStringDecoder.decodeComponent(segment);
		}

	}

}
