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

package io.github.agentprotocols.acp.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpBroadcast.MembersUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.RunUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadRemoved;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadUpdated;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.wire.AcpTimestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One broadcast on the cluster channel, as JSON in ACP's own mapping: {@code {"origin",
 * "sequence", "type", "broadcast"}}, the broadcast written as the Socket.IO transport
 * emits it. A message that would exceed the channel's limit carries a {@code reference}
 * instead, read back from the store by the receivers: an event by its thread, creation
 * time and id; a thread, member list or run by its id, read back as it is then; a removal
 * keeps the thread without its metadata, which the removal does not need. A message may
 * carry the trace of its sending, {@code "trace": {"traceparent": …}}, the propagation
 * fields a tracer wrote; a message without one is read with an empty trace.
 *
 * @param origin the id of the instance that committed the broadcast
 * @param sequence the broadcast's number among its origin's, from 1
 * @param type what the broadcast is: {@code event}, {@code thread}, {@code members},
 * {@code run} or {@code removed}
 * @param broadcast the broadcast's JSON, or {@code null} when it goes by reference
 * @param reference what the broadcast is read back by, or {@code null}
 * @param trace the propagation fields of the sender's trace, empty without one
 */
record ClusterMessage(String origin, long sequence, String type, @Nullable JsonNode broadcast,
		@Nullable JsonNode reference, Map<String, String> trace) {

	/**
	 * The message of a broadcast, by reference when it would not fit.
	 * @param origin the committing instance
	 * @param sequence the broadcast's number
	 * @param broadcast the broadcast
	 * @param maxBytes the channel's limit, in UTF-8 bytes
	 * @param trace the propagation fields of the sender's trace, none when empty
	 * @return the message's text
	 */
	static String write(String origin, long sequence, AcpBroadcast broadcast, int maxBytes, Map<String, String> trace) {
		ObjectNode message = AcpJson.mapper().createObjectNode();
		message.put("origin", origin);
		message.put("sequence", sequence);
		message.put("type", typeOf(broadcast));
		if (!trace.isEmpty()) {
			ObjectNode fields = message.putObject("trace");
			trace.forEach(fields::put);
		}
		message.set("broadcast", body(broadcast));
		String text = AcpJson.mapper().writeValueAsString(message);
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		message.remove("broadcast");
		message.set("reference", reference(broadcast));
		return AcpJson.mapper().writeValueAsString(message);
	}

	/**
	 * Reads a message's text.
	 * @param text the text
	 * @return the message
	 * @throws RuntimeException if the text is not a message
	 */
	static ClusterMessage read(String text) {
		JsonNode node = AcpJson.parse(text);
		JsonNode broadcast = node.get("broadcast");
		JsonNode reference = node.get("reference");
		if (node.path("origin").stringValue(null) == null || !node.path("sequence").isIntegralNumber()
				|| (broadcast == null) == (reference == null)) {
			throw new IllegalArgumentException("not a cluster message: " + text);
		}
		return new ClusterMessage(node.get("origin").stringValue(), node.get("sequence").longValue(),
				node.path("type").stringValue(""), broadcast, reference, trace(node.path("trace")));
	}

	private static Map<String, String> trace(JsonNode trace) {
		Map<String, String> fields = new LinkedHashMap<>();
		trace.properties().forEach((field) -> {
			if (field.getValue().isString()) {
				fields.put(field.getKey(), field.getValue().stringValue());
			}
		});
		return fields;
	}

	/**
	 * The broadcast, read from the message or, by reference, from the store.
	 * @param store the store the origin committed to
	 * @return the broadcast, empty when what it refers to no longer exists
	 */
	Mono<AcpBroadcast> resolve(ThreadStore store) {
		if (this.broadcast != null) {
			return Mono.fromCallable(() -> inline(this.broadcast));
		}
		JsonNode reference = this.reference;
		return Mono.defer(() -> readBack(store, reference));
	}

	private AcpBroadcast inline(JsonNode body) {
		return switch (this.type) {
			case "event" -> new EventAppended(AcpJson.readEvent(body));
			case "thread" -> new ThreadUpdated(AcpJson.readThread(body));
			case "members" ->
				new MembersUpdated(body.path("thread_id").stringValue(), identities(body.path("members")));
			case "run" -> new RunUpdated(AcpJson.readRun(body));
			case "removed" -> removal(body);
			default -> throw new IllegalArgumentException("unknown broadcast type: " + this.type);
		};
	}

	private Mono<AcpBroadcast> readBack(ThreadStore store, JsonNode reference) {
		String threadId = reference.path("thread_id").stringValue("");
		return switch (this.type) {
			case "event" ->
				findEvent(store, threadId, new Cursor(AcpTimestamps.parse(reference.path("created_at").stringValue()),
						reference.path("id").stringValue()))
					.map(EventAppended::new);
			case "thread" -> store.findThread(threadId).map(ThreadUpdated::new);
			case "members" -> store.listMembers(threadId)
				.map(ThreadMember::identity)
				.collectList()
				.map((members) -> new MembersUpdated(threadId, members));
			case "run" -> store.findRun(reference.path("id").stringValue("")).map(RunUpdated::new);
			default -> Mono.fromCallable(() -> inline(reference));
		};
	}

	/**
	 * Finds an event by its cursor: a thread's creation times are distinct, so it is the
	 * first or second event after the microsecond before.
	 */
	private static Mono<Event> findEvent(ThreadStore store, String threadId, Cursor cursor) {
		Cursor before = new Cursor(cursor.createdAt().minusNanos(1_000), "0");
		return store.listEvents(threadId, new EventQuery(2, before, false, Set.of()))
			.flatMapIterable(Page::items)
			.filter((event) -> event.id().equals(cursor.id()))
			.next();
	}

	/**
	 * The type of a broadcast's message.
	 * @param broadcast the broadcast
	 * @return {@code event}, {@code thread}, {@code members}, {@code run} or
	 * {@code removed}
	 */
	static String typeOf(AcpBroadcast broadcast) {
		if (broadcast instanceof EventAppended) {
			return "event";
		}
		if (broadcast instanceof ThreadUpdated) {
			return "thread";
		}
		if (broadcast instanceof MembersUpdated) {
			return "members";
		}
		return (broadcast instanceof RunUpdated) ? "run" : "removed";
	}

	private static JsonNode body(AcpBroadcast broadcast) {
		if (broadcast instanceof EventAppended appended) {
			return AcpJson.toTree(appended.event());
		}
		if (broadcast instanceof ThreadUpdated updated) {
			return AcpJson.toTree(updated.thread());
		}
		if (broadcast instanceof MembersUpdated members) {
			return membersBody(members);
		}
		if (broadcast instanceof RunUpdated run) {
			return AcpJson.toTree(run.run());
		}
		ThreadRemoved removed = (ThreadRemoved) broadcast;
		return removalBody(removed, removed.thread());
	}

	private static JsonNode reference(AcpBroadcast broadcast) {
		ObjectNode reference = AcpJson.mapper().createObjectNode();
		if (broadcast instanceof EventAppended appended) {
			reference.put("thread_id", appended.event().threadId());
			reference.put("created_at", AcpTimestamps.format(appended.event().createdAt()));
			reference.put("id", appended.event().id());
		}
		else if (broadcast instanceof RunUpdated run) {
			reference.put("id", run.run().id());
		}
		else if (broadcast instanceof ThreadRemoved removed) {
			AcpThread thread = removed.thread();
			return removalBody(removed,
					new AcpThread(thread.id(), thread.tenant(), Map.of(), thread.createdAt(), thread.updatedAt()));
		}
		else {
			reference.put("thread_id", broadcast.threadId());
		}
		return reference;
	}

	private static JsonNode membersBody(MembersUpdated members) {
		ObjectNode body = AcpJson.mapper().createObjectNode();
		body.put("thread_id", members.threadId());
		ArrayNode identities = body.putArray("members");
		members.members().forEach((identity) -> identities.add(AcpJson.toTree(identity)));
		return body;
	}

	private static JsonNode removalBody(ThreadRemoved removed, AcpThread thread) {
		ObjectNode body = AcpJson.mapper().createObjectNode();
		body.set("thread", AcpJson.toTree(thread));
		body.put("reason", removed.reason().name());
		body.put("identity_id", removed.identityId());
		return body;
	}

	private static ThreadRemoved removal(JsonNode body) {
		JsonNode identityId = body.path("identity_id");
		return new ThreadRemoved(AcpJson.readThread(body.path("thread")),
				ThreadRemoved.Reason.valueOf(body.path("reason").stringValue()),
				identityId.isString() ? identityId.stringValue() : null);
	}

	private static List<Identity> identities(JsonNode members) {
		List<Identity> identities = new ArrayList<>();
		members.values().forEach((member) -> identities.add(AcpJson.readIdentity(member)));
		return identities;
	}

}
