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

package io.github.agentprotocols.happy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.agentprotocols.commons.UncancelledCall;
import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.observation.RestObservationContext;
import io.github.agentprotocols.happy.wire.ErrorBody;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.MachineEnvelope;
import io.github.agentprotocols.happy.wire.MachineRecord;
import io.github.agentprotocols.happy.wire.MessagePage;
import io.github.agentprotocols.happy.wire.NewMessages;
import io.github.agentprotocols.happy.wire.SessionList;
import io.github.agentprotocols.happy.wire.SessionPage;
import io.github.agentprotocols.happy.wire.SessionRecord;
import io.github.agentprotocols.happy.wire.StoredMessages;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClient.RequestHeadersSpec;
import org.springframework.web.util.UriBuilder;

/**
 * The REST endpoints a controlling client uses (spec §4). Each call sends the bearer
 * token, reads the answer with {@link HappyJson}, and maps failures (spec §10): 401 to
 * {@link HappyAuthenticationException}, 404 on a session to
 * {@link SessionNotFoundException}, 404 on a machine to {@link MachineNotFoundException},
 * other statuses to {@link HappyException}, network failures and the request timeout to
 * {@link HappyConnectionException}. Each call is observed, with the headers that tracing
 * propagates added to its request.
 */
class HappyRestClient {

	private static final String SESSION_MESSAGES = "/v3/sessions/{id}/messages";

	private final WebClient webClient;

	private final Mono<String> token;

	private final String serverUrl;

	private final Duration timeout;

	private final HappyObservations observations;

	/**
	 * Create a client.
	 * @param webClient a client whose base URL is the server's
	 * @param serverUrl the server's URL, for messages
	 * @param token the bearer token, resolved at most once by the caller
	 * @param timeout how long one request may take
	 * @param observations where the calls are observed
	 */
	HappyRestClient(WebClient webClient, String serverUrl, Mono<String> token, Duration timeout,
			HappyObservations observations) {
		this.webClient = webClient;
		this.serverUrl = serverUrl;
		this.token = token;
		this.timeout = timeout;
		this.observations = observations;
	}

	/**
	 * The 150 most recently updated sessions ({@code GET /v1/sessions}).
	 * @return the sessions, newest first
	 */
	Mono<List<SessionRecord>> recentSessions() {
		return get("/v1/sessions", null, (uri) -> uri.path("/v1/sessions").build(), SessionList.class, this::otherError)
			.map(SessionList::sessions);
	}

	/**
	 * A page of all sessions ({@code GET /v2/sessions}).
	 * @param cursor the cursor of the previous page, or {@code null} for the first
	 * @param limit the page size, 1 to 200
	 * @return the page
	 */
	Mono<SessionPage> sessionPage(@Nullable String cursor, int limit) {
		return get("/v2/sessions", null, (uri) -> {
			uri.path("/v2/sessions").queryParam("limit", limit);
			if (cursor != null) {
				uri.queryParam("cursor", "{cursor}");
				return uri.build(cursor);
			}
			return uri.build();
		}, SessionPage.class, this::otherError);
	}

	/**
	 * The sessions active within the last 15 minutes ({@code GET /v2/sessions/active}).
	 * @param limit at most this many, 1 to 500
	 * @return the sessions
	 */
	Mono<List<SessionRecord>> activeSessions(int limit) {
		return get("/v2/sessions/active", null,
				(uri) -> uri.path("/v2/sessions/active").queryParam("limit", limit).build(), SessionList.class,
				this::otherError)
			.map(SessionList::sessions);
	}

	/**
	 * Messages with a seq above the given one, ascending.
	 * @param sessionId the session
	 * @param afterSeq the seq to start after
	 * @param limit the page size, 1 to 500
	 * @return the page
	 */
	Mono<MessagePage> messagesAfter(String sessionId, long afterSeq, int limit) {
		return get(SESSION_MESSAGES, sessionId,
				(uri) -> uri.path(SESSION_MESSAGES)
					.queryParam("after_seq", afterSeq)
					.queryParam("limit", limit)
					.build(sessionId),
				MessagePage.class, sessionNotFound(sessionId));
	}

	/**
	 * Messages with a seq below the given one, descending (history paging).
	 * @param sessionId the session
	 * @param beforeSeq the seq to start before
	 * @param limit the page size, 1 to 500
	 * @return the page
	 */
	Mono<MessagePage> messagesBefore(String sessionId, long beforeSeq, int limit) {
		return get(SESSION_MESSAGES, sessionId,
				(uri) -> uri.path(SESSION_MESSAGES)
					.queryParam("before_seq", beforeSeq)
					.queryParam("limit", limit)
					.build(sessionId),
				MessagePage.class, sessionNotFound(sessionId));
	}

	/**
	 * Store messages ({@code POST /v3/sessions/{id}/messages}), idempotent per local id.
	 * @param sessionId the session
	 * @param messages the messages
	 * @return the stored rows, by seq
	 */
	Mono<StoredMessages> postMessages(String sessionId, NewMessages messages) {
		return exchange(HttpMethod.POST, SESSION_MESSAGES, sessionId,
				this.webClient.post()
					.uri(SESSION_MESSAGES, sessionId)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(HappyJson.write(messages)),
				StoredMessages.class, sessionNotFound(sessionId));
	}

	/**
	 * Mark a session inactive ({@code POST /v1/sessions/{id}/archive}).
	 * @param sessionId the session
	 * @return completes when archived
	 */
	Mono<Void> archiveSession(String sessionId) {
		return exchange(HttpMethod.POST, "/v1/sessions/{id}/archive", sessionId,
				this.webClient.post()
					.uri("/v1/sessions/{id}/archive", sessionId)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{}"),
				ErrorBody.class, sessionNotFound(sessionId))
			.then();
	}

	/**
	 * Delete a session with its messages ({@code DELETE /v1/sessions/{id}}).
	 * @param sessionId the session
	 * @return completes when deleted
	 */
	Mono<Void> deleteSession(String sessionId) {
		return exchange(HttpMethod.DELETE, "/v1/sessions/{id}", sessionId,
				this.webClient.delete().uri("/v1/sessions/{id}", sessionId), ErrorBody.class,
				sessionNotFound(sessionId))
			.then();
	}

	/**
	 * The account's machines ({@code GET /v1/machines}).
	 * @return the machines, by last activity
	 */
	Mono<List<MachineRecord>> machines() {
		return get("/v1/machines", null, (uri) -> uri.path("/v1/machines").build(), MachineRecord[].class,
				this::otherError)
			.map(Arrays::asList);
	}

	/**
	 * One machine ({@code GET /v1/machines/{id}}).
	 * @param machineId the machine
	 * @return the machine; a {@link MachineNotFoundException} when the account has none
	 * by that id
	 */
	Mono<MachineRecord> machine(String machineId) {
		return get("/v1/machines/{id}", machineId, (uri) -> uri.path("/v1/machines/{id}").build(machineId),
				MachineEnvelope.class, (status, error) -> (status == 404) ? new MachineNotFoundException(machineId)
						: otherError(status, error))
			.map(MachineEnvelope::machine);
	}

	/**
	 * Obtain a token by the signed challenge ({@code POST /v1/auth}, spec §2.2).
	 * @param challenge the request body: public key, challenge and signature
	 * @return the token
	 */
	Mono<String> authenticate(Object challenge) {
		return call(HttpMethod.POST, "/v1/auth", null,
				Mono.just(this.webClient.post()
					.uri("/v1/auth")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(HappyJson.write(challenge))),
				AuthAnswer.class, this::otherError)
			.flatMap((answer) -> (answer.token() != null) ? Mono.just(answer.token()) : Mono
				.error(new HappyAuthenticationException("The Happy server answered /v1/auth without a token")));
	}

	/**
	 * Whether the server answers its liveness probe ({@code GET /health}, spec §4).
	 * @return completes when the server answered 200; a {@link HappyException} otherwise
	 */
	Mono<Void> health() {
		return call(HttpMethod.GET, "/health", null, Mono.just(this.webClient.get().uri("/health")), ErrorBody.class,
				this::otherError)
			.then();
	}

	private <T> Mono<T> get(String route, @Nullable String id, Function<UriBuilder, URI> uri, Class<T> type,
			ErrorMapper errors) {
		return exchange(HttpMethod.GET, route, id, this.webClient.get().uri(uri), type, errors);
	}

	private <T> Mono<T> exchange(HttpMethod method, String route, @Nullable String id, RequestHeadersSpec<?> request,
			Class<T> type, ErrorMapper errors) {
		return call(method, route, id,
				this.token.map((token) -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)), type, errors);
	}

	/**
	 * Observe a call: the request, once ready, gets the headers tracing propagates; its
	 * status goes to the observation. The timeout covers obtaining the token. A call once
	 * made runs to its answer or its timeout even when its subscriber leaves meanwhile
	 * ({@link UncancelledCall}).
	 */
	private <T> Mono<T> call(HttpMethod method, String route, @Nullable String id,
			Mono<? extends RequestHeadersSpec<?>> request, Class<T> type, ErrorMapper errors) {
		return this.observations.rest(() -> context(method, route, id), (context) -> UncancelledCall.of(request.flatMap(
				(ready) -> ready.headers((headers) -> headers.setAll(carrier(context))).exchangeToMono((response) -> {
					context.setResponse(response.statusCode());
					return response.bodyToMono(String.class)
						.defaultIfEmpty("")
						.map((body) -> read(response.statusCode().value(), body, type, errors));
				}))
			.timeout(this.timeout, Mono.error(this::timedOut))
			.onErrorMap(HappyRestClient::isForeign, this::unreachable)));
	}

	private RestObservationContext context(HttpMethod method, String route, @Nullable String id) {
		RestObservationContext context = new RestObservationContext(method.name(), route, id);
		context.setRemoteServiceAddress(this.serverUrl);
		return context;
	}

	private static Map<String, String> carrier(RestObservationContext context) {
		Map<String, String> carrier = context.getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

	private static <T> T read(int status, String body, Class<T> type, ErrorMapper errors) {
		if (status >= 200 && status < 300) {
			return HappyJson.read(body.isEmpty() ? "{}" : body, type);
		}
		ErrorBody error = errorBody(body);
		if (status == 401) {
			throw new HappyAuthenticationException(
					"The Happy server rejected the token: " + ((error.text() != null) ? error.text() : status));
		}
		throw errors.map(status, error);
	}

	private static ErrorBody errorBody(String body) {
		try {
			return HappyJson.read(body, ErrorBody.class);
		}
		catch (HappyException ex) {
			return new ErrorBody(body.isBlank() ? null : body, null);
		}
	}

	private ErrorMapper sessionNotFound(String sessionId) {
		return (status, error) -> (status == 404) ? new SessionNotFoundException(sessionId) : otherError(status, error);
	}

	private HappyException otherError(int status, ErrorBody error) {
		return new HappyException(
				"The Happy server answered " + status + ((error.text() != null) ? ": " + error.text() : ""));
	}

	private HappyException timedOut() {
		return new HappyConnectionException(
				"The Happy server at " + this.serverUrl + " did not answer within " + this.timeout);
	}

	private Throwable unreachable(Throwable ex) {
		return new HappyConnectionException("Could not reach the Happy server at " + this.serverUrl + ": " + ex, ex);
	}

	private static boolean isForeign(Throwable ex) {
		return !(ex instanceof HappyException);
	}

	/**
	 * Maps an error status and body to the exception of the endpoint.
	 */
	@FunctionalInterface
	private interface ErrorMapper {

		HappyException map(int status, ErrorBody error);

	}

	/**
	 * The answer to {@code POST /v1/auth}.
	 *
	 * @param token the token
	 */
	record AuthAnswer(@Nullable String token) {

	}

}
