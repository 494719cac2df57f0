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

package io.github.agentprotocols.acp.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.DefaultRestObservationConvention;
import io.github.agentprotocols.acp.observation.RestObservationContext;
import io.github.agentprotocols.acp.observation.RestObservationConvention;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.StorableJson;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.commons.web.UnlessAlreadyAnswered;
import io.github.agentprotocols.commons.observation.ReactiveObservations.Signals;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The REST endpoints of x64acp (spec §4). Each authenticates the caller through the
 * {@link AcpAuthenticator} (step 1 of §3.3; in namespace mode the caller's tenant must
 * give a namespace, else 403, §5.3), parses the request (step 2), calls the
 * {@link AcpOperations} (the later steps) and writes the result as JSON with ACP's own
 * mapping. Every failure is answered in the error shape of §3.5, {@code {"detail": …,
 * "error": {"code", "message"}}}: protocol refusals with their status, an unreachable
 * store with 503, anything unexpected with a generic 500. Each operation is observed
 * ({@link AcpObservationDocumentation#REST_OPERATION}) as a child of the observation
 * current in the request's Reactor context, the HTTP server's.
 */
public class AcpHandlers {

	private static final Log logger = LogFactory.getLog(AcpHandlers.class);

	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final AcpAuthenticator authenticator;

	private final AcpOperations operations;

	private final RequestBodies bodies;

	private final AcpMetrics metrics;

	private final @Nullable NamespaceKeys namespaceKeys;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable RestObservationConvention observationConvention;

	/**
	 * Creates the handlers.
	 * @param authenticator tells who makes each request
	 * @param operations the operations behind the endpoints
	 * @param maxBodyBytes the largest accepted request body
	 * @param metrics receives the outcome of each request
	 * @param namespaceKeys the namespace keys, or {@code null} when namespace mode is off
	 */
	public AcpHandlers(AcpAuthenticator authenticator, AcpOperations operations, int maxBodyBytes, AcpMetrics metrics,
			@Nullable NamespaceKeys namespaceKeys) {
		this.authenticator = authenticator;
		this.operations = operations;
		this.bodies = new RequestBodies(maxBodyBytes);
		this.metrics = metrics;
		this.namespaceKeys = namespaceKeys;
	}

	/**
	 * Sets the registry the REST operations are observed in.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Sets the convention of the REST operations' observations.
	 * @param observationConvention the convention, or {@code null} for the default one
	 */
	public void setObservationConvention(@Nullable RestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	Mono<ServerResponse> createThread(ServerRequest request) {
		return handle("threads.create", request,
				(caller) -> this.bodies.read(request)
					.map(AcpJson::readNewThread)
					.flatMap((thread) -> this.operations.createThread(caller, thread))
					.map((thread) -> new Reply(201, AcpJson.toTree(thread), thread.id(), null)));
	}

	Mono<ServerResponse> listThreads(ServerRequest request) {
		return handle(
				"threads.list", request, (
						caller) -> Mono
							.defer(() -> this.operations.listThreads(caller,
									AcpRequests.limit(request, AcpRequests.DEFAULT_THREAD_LIMIT,
											AcpRequests.MAX_THREAD_LIMIT),
									AcpRequests.cursor(request)))
							.map((page) -> reply(200, AcpJson.toTree(page))));
	}

	Mono<ServerResponse> getThread(ServerRequest request) {
		return handle("threads.get", request,
				(caller) -> Mono.defer(() -> this.operations.getThread(caller, AcpRequests.id(request, "threadId")))
					.map((thread) -> reply(200, AcpJson.toTree(thread))));
	}

	Mono<ServerResponse> updateThread(ServerRequest request) {
		return handle("threads.update", request,
				(caller) -> this.bodies.read(request)
					.map(AcpJson::readThreadPatch)
					.flatMap(
							(patch) -> this.operations.updateThread(caller, AcpRequests.id(request, "threadId"), patch))
					.map((thread) -> reply(200, AcpJson.toTree(thread))));
	}

	Mono<ServerResponse> deleteThread(ServerRequest request) {
		return handle("threads.delete", request,
				(caller) -> Mono.defer(() -> this.operations.deleteThread(caller, AcpRequests.id(request, "threadId")))
					.then(Mono.just(reply(204, null))));
	}

	Mono<ServerResponse> events(ServerRequest request) {
		return handle("events.list", request,
				(caller) -> Mono
					.defer(() -> this.operations.events(caller, AcpRequests.id(request, "threadId"),
							AcpRequests.eventQuery(request)))
					.map((page) -> reply(200, AcpJson.toTree(page))));
	}

	Mono<ServerResponse> members(ServerRequest request) {
		return handle("members.list", request,
				(caller) -> Mono.defer(() -> this.operations.members(caller, AcpRequests.id(request, "threadId")))
					.map((members) -> reply(200, array(members))));
	}

	Mono<ServerResponse> addMember(ServerRequest request) {
		return handle("members.add", request,
				(caller) -> this.bodies.read(request)
					.map(AcpRequests::member)
					.flatMap((member) -> this.operations.addMember(caller, AcpRequests.id(request, "threadId"), member))
					.map((addition) -> reply(addition.added() ? 201 : 200, AcpJson.toTree(addition.member()))));
	}

	Mono<ServerResponse> removeMember(ServerRequest request) {
		return handle("members.remove", request,
				(caller) -> Mono
					.defer(() -> this.operations.removeMember(caller, AcpRequests.id(request, "threadId"),
							AcpRequests.id(request, "identityId")))
					.then(Mono.just(reply(204, null))));
	}

	Mono<ServerResponse> sendMessage(ServerRequest request) {
		return handle("messages.send", request,
				(caller) -> this.bodies.read(request)
					.map(AcpJson::readEventDraft)
					.flatMap((draft) -> this.operations.sendMessage(caller, AcpRequests.id(request, "threadId"), draft))
					.map((append) -> reply(append.appended() ? 201 : 200, AcpJson.toTree(append.event()))));
	}

	Mono<ServerResponse> invoke(ServerRequest request) {
		return handle("runs.create", request, (caller) -> this.bodies.read(request)
			.map((body) -> AcpRequests.invocation(body, caller))
			.flatMap((invocation) -> this.operations.invoke(caller, AcpRequests.id(request, "threadId"), invocation))
			.map((invocation) -> new Reply(invocation.anyCreated() ? 201 : 200, runs(invocation), null,
					runIds(invocation))));
	}

	Mono<ServerResponse> getRun(ServerRequest request) {
		return handle("runs.get", request,
				(caller) -> Mono.defer(() -> this.operations.getRun(caller, AcpRequests.id(request, "runId")))
					.map((run) -> reply(200, AcpJson.toTree(run))));
	}

	Mono<ServerResponse> cancelRun(ServerRequest request) {
		return handle("runs.cancel", request,
				(caller) -> Mono.defer(() -> this.operations.cancelRun(caller, AcpRequests.id(request, "runId")))
					.thenReturn(reply(204, null)));
	}

	/**
	 * Answers a request under the base path that no endpoint serves.
	 * @param knownPath whether the path is an endpoint's, so only the method is wrong
	 * @return 405 {@code invalid_request} for a known path, else 404 {@code not_found}
	 */
	Mono<ServerResponse> unmatched(boolean knownPath) {
		return observe("unmatched", null,
				(context) -> refuse(
						knownPath ? new AcpException(AcpErrorCode.INVALID_REQUEST, 405, "method not allowed")
								: AcpException.notFound("not found"),
						context));
	}

	private Mono<ServerResponse> handle(String operation, ServerRequest request, Function<Identity, Mono<Reply>> call) {
		return observe(operation, request, (context) -> authenticate(request).flatMap(call).flatMap((reply) -> {
			if (reply.threadId() != null) {
				context.setThreadId(reply.threadId());
			}
			if (reply.runId() != null) {
				context.setRunId(reply.runId());
			}
			return write(reply.status(), reply.body(), 0).doOnSuccess((response) -> record(context, "ok"));
		}).onErrorResume((failure) -> refuse(failure, context)).map(UnlessAlreadyAnswered::new));
	}

	/**
	 * Answers within the observation of the operation, a child of the request's, current
	 * in the Reactor context of the answer.
	 */
	private Mono<ServerResponse> observe(String operation, @Nullable ServerRequest request,
			Function<RestObservationContext, Mono<ServerResponse>> answer) {
		return Mono.deferContextual((reactor) -> {
			RestObservationContext context = new RestObservationContext(operation);
			if (request != null) {
				context.setThreadId(request.pathVariables().get("threadId"));
				context.setRunId(request.pathVariables().get("runId"));
			}
			Observation observation = AcpObservationDocumentation.REST_OPERATION
				.observation(this.observationConvention, DefaultRestObservationConvention.INSTANCE, () -> context,
						this.observationRegistry)
				.parentObservation(ReactiveObservations.current(reactor))
				.start();
			return ReactiveObservations.asParent(observation, ReactiveObservations.stopOnEnd(observation,
					answer.apply(context), new AnswerSignals(observation, context)));
		});
	}

	private Mono<Identity> authenticate(ServerRequest request) {
		return Mono.defer(() -> this.authenticator.authenticate(handshake(request)))
			.onErrorMap((ex) -> new AuthenticatorFailure(ex))
			.switchIfEmpty(Mono.error(() -> new AcpException(AcpErrorCode.UNAUTHENTICATED, "unauthenticated")))
			.doOnNext(StorableJson::requireStorable)
			.doOnNext(this::requireNamespace);
	}

	private void requireNamespace(Identity caller) {
		if (this.namespaceKeys != null) {
			try {
				this.namespaceKeys.derivePath(caller.tenant().entries());
			}
			catch (AcpException ex) {
				throw AcpException.forbidden("identity outside namespace_keys: " + ex.getMessage());
			}
		}
	}

	static HandshakeData handshake(ServerRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		request.headers()
			.asHttpHeaders()
			.forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values),
					(first, next) -> first + ", " + next));
		Map<String, String> query = new LinkedHashMap<>();
		request.queryParams().forEach((name, values) -> {
			if (!values.isEmpty() && values.get(0) != null) {
				query.put(name, values.get(0));
			}
		});
		return new HandshakeData(headers, Map.of(), query, HandshakeData.REST);
	}

	private Mono<ServerResponse> refuse(Throwable failure, RestObservationContext context) {
		if (failure instanceof ThreadStoreUnavailableException) {
			logger.warn("ACP request refused: " + failure.getMessage());
			context.setError(failure);
			record(context, "unavailable");
			return error(503, AcpErrorCode.INTERNAL_ERROR, "thread store unavailable", STORE_RETRY_AFTER_SECONDS);
		}
		if (failure instanceof AcpException refused && refused.getStatus() > 0) {
			record(context, refused.getCode().code());
			return error(refused.getStatus(), refused.getCode(), refused.getMessage(), 0);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			// the client closed the connection before its request was read: the peer's
			// doing, not an error
			logger.debug("ACP request abandoned by the client: " + failure);
			record(context, AcpErrorCode.INVALID_REQUEST.code());
			return error(400, AcpErrorCode.INVALID_REQUEST, "request incomplete", 0);
		}
		if (failure instanceof AuthenticatorFailure) {
			logger.error("ACP authenticator failed", failure.getCause());
		}
		else {
			logger.error("ACP request failed", failure);
		}
		context.setError(failure);
		record(context, AcpErrorCode.INTERNAL_ERROR.code());
		return error(500, AcpErrorCode.INTERNAL_ERROR, "internal server error", 0);
	}

	private void record(RestObservationContext context, String outcome) {
		context.setOutcome(outcome);
		this.metrics.restRequest(outcome);
	}

	private static Mono<ServerResponse> error(int status, AcpErrorCode code, String message, long retryAfterSeconds) {
		ObjectNode body = nodes.objectNode();
		body.put("detail", message);
		body.putObject("error").put("code", code.code()).put("message", message);
		return write(status, body, retryAfterSeconds);
	}

	private static Mono<ServerResponse> write(int status, @Nullable JsonNode body, long retryAfterSeconds) {
		ServerResponse.BodyBuilder response = ServerResponse.status(status).cacheControl(CacheControl.noStore());
		if (retryAfterSeconds > 0) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		if (body == null) {
			return response.build();
		}
		return response.contentType(MediaType.APPLICATION_JSON).bodyValue(AcpJson.mapper().writeValueAsBytes(body));
	}

	private static Reply reply(int status, @Nullable JsonNode body) {
		return new Reply(status, body, null, null);
	}

	private static ArrayNode array(List<?> items) {
		ArrayNode array = nodes.arrayNode();
		items.forEach((item) -> array.add(AcpJson.toTree(item)));
		return array;
	}

	private static ObjectNode runs(Invocation invocation) {
		ObjectNode body = nodes.objectNode();
		ArrayNode runs = body.putArray("runs");
		invocation.runs().forEach((invoked) -> runs.add(AcpJson.toTree(invoked.run())));
		return body;
	}

	private static String runIds(Invocation invocation) {
		return String.join(",", invocation.runs().stream().map((invoked) -> invoked.run().id()).toList());
	}

	/**
	 * An answer, with the ids of what the operation created for its observation.
	 */
	private record Reply(int status, @Nullable JsonNode body, @Nullable String threadId, @Nullable String runId) {

	}

	/**
	 * What the observation of an operation learns from its end: the failure its answer
	 * recorded in the context, if any.
	 *
	 * @param observation the operation's observation
	 * @param context its context
	 */
	private record AnswerSignals(Observation observation,
			RestObservationContext context) implements Signals<ServerResponse> {

		@Override
		public void success(@Nullable ServerResponse response) {
			recordError();
		}

		@Override
		public @Nullable Throwable error(Throwable error) {
			return this.context.getError();
		}

		@Override
		public void cancel() {
			recordError();
		}

		private void recordError() {
			Throwable error = this.context.getError();
			if (error != null) {
				this.observation.error(error);
			}
		}

	}

	/**
	 * The authenticator itself failed: a 500, never a 401.
	 */
	private static final class AuthenticatorFailure extends RuntimeException {

		AuthenticatorFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
