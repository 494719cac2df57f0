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

package io.github.agentprotocols.acp.socketio;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationContext;
import io.github.agentprotocols.acp.web.AcpRequests;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.StorableJson;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client-to-server events of spec §5.5, each answered through the acknowledgement
 * with one JSON object: the result, or {@code {"error": {"code", "message"}}}. An event
 * of a socket that has not passed the namespace connect ends its session before it gets
 * here ({@link AcpPacketDecoder}), and would be refused {@code unauthenticated}; the
 * others run the same {@link AcpOperations} as REST, so the gates are the same, bounded
 * in namespace mode to the threads of the socket's namespace (spec §5.3). An event the
 * transport does not know is refused {@code invalid_request}.
 */
final class SocketIoEvents {

	static final String THREAD_JOIN = "thread:join";

	static final String THREAD_LEAVE = "thread:leave";

	static final String MESSAGE_SEND = "message:send";

	static final String ASSISTANT_INVOKE = "assistant:invoke";

	static final String RUN_CANCEL = "run:cancel";

	/** The names of the events the transport handles. */
	static final Set<String> NAMES = Set.of(THREAD_JOIN, THREAD_LEAVE, MESSAGE_SEND, ASSISTANT_INVOKE, RUN_CANCEL);

	private static final Log logger = LogFactory.getLog(SocketIoEvents.class);

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final String ROOM_PREFIX = "thread:";

	private final Supplier<AcpOperations> operations;

	private final ThreadStore store;

	private final AcpBroadcaster broadcaster;

	private final int replayCap;

	private final AcpMetrics metrics;

	private final SocketIoObservations observations;

	private final RoomAudiences audiences;

	/**
	 * Creates the events.
	 * @param operations supplies the operations, on first use
	 * @param store replays a thread's events on join
	 * @param broadcaster puts a join in its thread's order, after the writes before it
	 * and beside other joins
	 * @param replayCap the most events a join replays
	 * @param metrics receives the number of events each join replays
	 * @param observations observes each event
	 * @param audiences puts sockets in rooms and takes them out
	 */
	SocketIoEvents(Supplier<AcpOperations> operations, ThreadStore store, AcpBroadcaster broadcaster, int replayCap,
			AcpMetrics metrics, SocketIoObservations observations, RoomAudiences audiences) {
		this.operations = operations;
		this.store = store;
		this.broadcaster = broadcaster;
		this.replayCap = replayCap;
		this.metrics = metrics;
		this.observations = observations;
		this.audiences = audiences;
	}

	/**
	 * Listens to the events in a namespace.
	 * @param namespace the namespace
	 */
	void register(SocketIONamespace namespace) {
		on(namespace, THREAD_JOIN, this::join);
		on(namespace, THREAD_LEAVE, this::leave);
		on(namespace, MESSAGE_SEND, this::sendMessage);
		on(namespace, ASSISTANT_INVOKE, this::invoke);
		on(namespace, RUN_CANCEL, this::cancelRun);
		on(namespace, AcpJsonSupport.UNKNOWN_EVENT, (socket, caller, data) -> Mono.error(AcpException
			.invalidRequest((data instanceof String name) ? "unknown event: " + name : "malformed event")));
	}

	/**
	 * Listens to an event, each observed until it is acknowledged, current in the Reactor
	 * context of its handling.
	 */
	private void on(SocketIONamespace namespace, String event, Handler handler) {
		String observed = event.equals(AcpJsonSupport.UNKNOWN_EVENT) ? "unknown" : event;
		namespace.addEventListener(event, Object.class, (socket, data, ack) -> {
			SocketIoEventObservationContext context = new SocketIoEventObservationContext(observed,
					namespace.getName());
			if (data instanceof ObjectNode payload) {
				context.setThreadId(payload.path("thread_id").stringValue(null));
				context.setRunId(payload.path("run_id").stringValue(null));
			}
			Observation observation = this.observations.start(context);
			SocketCaller caller = SocketIdentities.of(socket);
			Mono<JsonNode> reply = (caller != null) ? Mono.defer(() -> handler.handle(socket, caller, data))
					: Mono.error(new AcpException(AcpErrorCode.UNAUTHENTICATED, "unauthenticated"));
			Mono<JsonNode> answered = reply.doOnNext((result) -> context.setOutcome("ok"));
			ReactiveObservations
				.asParent(observation,
						ReactiveObservations.stopOnEnd(observation, answered, SocketIoObservations.failures(context)))
				.subscribe((result) -> acknowledge(ack, result), (ex) -> acknowledge(ack, error(event, ex)));
		});
	}

	/**
	 * {@code thread:join}: the gate, then the room, then the replay after {@code since}
	 * (spec §5.5). The gate and the entry into the room take their turn in the thread's
	 * broadcast order, so that no removal from the room can fall between them.
	 */
	private Mono<JsonNode> join(SocketIOClient socket, SocketCaller caller, @Nullable Object data) {
		ObjectNode payload = object(data);
		String threadId = string(payload, "thread_id");
		JsonNode sinceNode = present(payload.get("since"));
		Cursor since = (sinceNode != null) ? AcpJson.readCursor(sinceNode) : null;
		Mono<Replay> replay = (since != null) ? Mono.defer(() -> this.store.replay(threadId, since, this.replayCap))
				: Mono.just(new Replay(List.of(), false));
		return this.broadcaster
			.read(threadId,
					Mono.defer(() -> this.operations.get().getThread(caller.identity(), caller.namespace(), threadId))
						.doOnNext((thread) -> this.audiences.join(socket, room(threadId))))
			.then(replay)
			.doOnNext((replayed) -> this.metrics.joinReplayed(replayed.events().size()))
			.map((replayed) -> {
				ObjectNode reply = nodes.objectNode().put("thread_id", threadId);
				ArrayNode events = reply.putArray("replayed");
				replayed.events().forEach((event) -> events.add(AcpJson.toTree(event)));
				return reply.put("replay_truncated", replayed.truncated());
			});
	}

	/**
	 * {@code thread:leave}: no gate; leaving a room never joined changes nothing.
	 */
	private Mono<JsonNode> leave(SocketIOClient socket, SocketCaller caller, @Nullable Object data) {
		String threadId = string(object(data), "thread_id");
		this.audiences.leave(socket, room(threadId));
		return Mono.just(nodes.objectNode().put("thread_id", threadId).put("left", true));
	}

	private Mono<JsonNode> sendMessage(SocketIOClient socket, SocketCaller caller, @Nullable Object data) {
		ObjectNode payload = object(data);
		String threadId = string(payload, "thread_id");
		JsonNode draft = present(payload.get("draft"));
		if (draft == null) {
			throw AcpException.invalidRequest("message draft must include content");
		}
		return this.operations.get()
			.sendMessage(caller.identity(), caller.namespace(), threadId, AcpJson.readEventDraft(draft))
			.map((append) -> nodes.objectNode().set("event", AcpJson.toTree(append.event())));
	}

	private Mono<JsonNode> invoke(SocketIOClient socket, SocketCaller caller, @Nullable Object data) {
		ObjectNode payload = object(data);
		String threadId = string(payload, "thread_id");
		return this.operations.get()
			.invoke(caller.identity(), caller.namespace(), threadId, AcpRequests.invocation(payload, caller.identity()))
			.map((invocation) -> {
				ObjectNode reply = nodes.objectNode();
				ArrayNode runs = reply.putArray("runs");
				invocation.runs().forEach((invoked) -> runs.add(AcpJson.toTree(invoked.run())));
				return reply;
			});
	}

	private Mono<JsonNode> cancelRun(SocketIOClient socket, SocketCaller caller, @Nullable Object data) {
		String runId = string(object(data), "run_id");
		return this.operations.get()
			.cancelRun(caller.identity(), caller.namespace(), runId)
			.map((cancelled) -> nodes.objectNode().put("run_id", runId).put("cancelled", cancelled));
	}

	/**
	 * The name of a thread's room (spec §5.4).
	 * @param threadId the thread id
	 * @return {@code thread:<id>}
	 */
	static String room(String threadId) {
		return ROOM_PREFIX + threadId;
	}

	/**
	 * The thread whose room this is.
	 * @param room a room name
	 * @return the thread id, or {@code null} for a room that is not a thread's
	 */
	static @Nullable String threadOf(String room) {
		return room.startsWith(ROOM_PREFIX) ? room.substring(ROOM_PREFIX.length()) : null;
	}

	private static ObjectNode object(@Nullable Object data) {
		if (data instanceof ObjectNode object) {
			StorableJson.requireStorable(object);
			return object;
		}
		throw AcpException.invalidRequest("payload must be a JSON object");
	}

	private static String string(ObjectNode payload, String key) {
		JsonNode value = payload.get(key);
		if (value == null || !value.isString()) {
			throw AcpException.invalidRequest(key + " must be a string");
		}
		return value.stringValue();
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node;
	}

	private static void acknowledge(AckRequest ack, JsonNode reply) {
		if (ack.isAckRequested()) {
			ack.sendAckData(reply);
		}
	}

	private static JsonNode error(String event, Throwable failure) {
		AcpErrorCode code = AcpErrorCode.INTERNAL_ERROR;
		String message = "internal server error";
		if (failure instanceof ThreadStoreUnavailableException) {
			logger.warn("ACP Socket.IO event " + event + " refused: " + failure.getMessage());
			message = "thread store unavailable";
		}
		else if (failure instanceof AcpException refused) {
			code = refused.getCode();
			message = refused.getMessage();
		}
		else {
			logger.error("ACP Socket.IO event " + event + " failed", failure);
		}
		ObjectNode reply = nodes.objectNode();
		reply.putObject("error").put("code", code.code()).put("message", message);
		return reply;
	}

	/**
	 * One event's handling for an authenticated socket.
	 */
	@FunctionalInterface
	private interface Handler {

		Mono<JsonNode> handle(SocketIOClient socket, SocketCaller caller, @Nullable Object data);

	}

}
