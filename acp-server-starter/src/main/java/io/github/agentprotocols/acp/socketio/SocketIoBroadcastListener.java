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

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadRemoved;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpClusterBroadcastListener;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The broadcast listener of the Socket.IO transport: emits what the broadcast funnel
 * delivers to the thread's room (spec §5.6), and removes the sockets that lost access
 * from it (§5.8): each gets {@code thread:removed}, then leaves the room, and stays
 * connected. What other instances committed arrives from the cluster relay and is emitted
 * the same way. A notification is written to JSON once, whatever the number of sockets,
 * its packet encoded once for the room's WebSockets ({@link RoomEmission}), and counted
 * in {@link AcpMetrics} once per socket it is emitted to.
 * <p>
 * In namespace mode (spec §5.3) a notification that carries its thread goes to the
 * thread's room in the thread's namespace only, and nowhere for a stranded thread. The
 * others (events, members, runs) go to the thread's room in every namespace: a socket
 * enters a room only through a {@code thread:join} whose gate requires the thread to be
 * in the socket's namespace, and a move to another namespace kicks every socket from the
 * rooms of the others before anything else about the thread is emitted (§5.8), so only
 * the thread's namespace has sockets in its room.
 */
@Internal
public class SocketIoBroadcastListener implements AcpClusterBroadcastListener {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final AcpSocketIoServer server;

	private final @Nullable NamespaceKeys namespaceKeys;

	private final AcpMetrics metrics;

	/**
	 * Creates the listener.
	 * @param server the server whose rooms receive the notifications
	 * @param namespaceKeys the namespace keys in namespace mode, or {@code null}
	 * @param metrics receives the count of events emitted to sockets
	 */
	public SocketIoBroadcastListener(AcpSocketIoServer server, @Nullable NamespaceKeys namespaceKeys,
			AcpMetrics metrics) {
		this.server = server;
		this.namespaceKeys = namespaceKeys;
		this.metrics = metrics;
	}

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		if (broadcast instanceof AcpBroadcast.EventAppended appended) {
			emit(broadcast, null, "event", () -> AcpJson.write(appended.event()));
		}
		else if (broadcast instanceof AcpBroadcast.ThreadUpdated updated) {
			emit(broadcast, updated.thread(), "thread:updated", () -> AcpJson.write(updated.thread()));
		}
		else if (broadcast instanceof AcpBroadcast.MembersUpdated members) {
			emit(broadcast, null, "members:updated", () -> membersOf(members));
		}
		else if (broadcast instanceof AcpBroadcast.RunUpdated updated) {
			emit(broadcast, null, "run:updated", () -> AcpJson.write(updated.run()));
		}
		else if (broadcast instanceof ThreadRemoved removed) {
			kick(removed);
		}
	}

	@Override
	public void onRemoteBroadcast(AcpBroadcast broadcast) {
		onBroadcast(broadcast);
	}

	@Override
	public Set<String> watchedThreads() {
		Set<String> threads = new HashSet<>();
		for (SocketIONamespace namespace : this.server.namespaces()) {
			for (SocketIOClient socket : namespace.getAllClients()) {
				for (String room : socket.getAllRooms()) {
					String threadId = SocketIoEvents.threadOf(room);
					if (threadId != null) {
						threads.add(threadId);
					}
				}
			}
		}
		return threads;
	}

	/**
	 * Emits to the thread's room in the thread's namespace when the thread is known in
	 * namespace mode, else in every namespace. The JSON is written when a room first has
	 * sockets, and not at all when none has.
	 */
	private void emit(AcpBroadcast broadcast, @Nullable AcpThread thread, String event, Supplier<String> json) {
		@Nullable RawValue payload = null;
		String room = SocketIoEvents.room(broadcast.threadId());
		AcpChannelInitializer pipeline = this.server.pipeline();
		for (SocketIONamespace namespace : this.server.namespaces()) {
			if (pipeline != null && (thread == null || isThreadNamespace(namespace, thread))) {
				RoomEmission.Audience audience = this.server.audiences().of(namespace, room);
				if (audience.size() > 0) {
					payload = (payload != null) ? payload : new RawValue(json.get());
					this.metrics.socketEventsSent(event, audience.size());
					RoomEmission.emit(audience, namespace.getName(), event, payload, pipeline.packetEncoder(),
							pipeline.maxFramePayload());
				}
			}
		}
	}

	/**
	 * Whether a namespace is the thread's own: always outside namespace mode, never for a
	 * stranded thread.
	 */
	private boolean isThreadNamespace(SocketIONamespace namespace, AcpThread thread) {
		NamespaceKeys keys = this.namespaceKeys;
		if (keys == null) {
			return true;
		}
		Map<String, String> tenant = thread.tenant().entries();
		return keys.canDerivePath(tenant) && keys.derivePath(tenant).equals(namespace.getName());
	}

	private static String membersOf(AcpBroadcast.MembersUpdated members) {
		ObjectNode payload = nodes.objectNode().put("thread_id", members.threadId());
		ArrayNode identities = payload.putArray("members");
		members.members().forEach((identity) -> identities.add(AcpJson.toTree(identity)));
		return payload.toString();
	}

	private void kick(ThreadRemoved removed) {
		String room = SocketIoEvents.room(removed.threadId());
		RawValue payload = new RawValue(nodes.objectNode()
			.put("thread_id", removed.threadId())
			.put("reason", removed.reason().wireName())
			.toString());
		Predicate<Identity> losesAccess = switch (removed.reason()) {
			case DELETED -> (identity) -> true;
			case MEMBER_REMOVED -> (identity) -> identity.id().equals(removed.identityId());
			case TENANT_CHANGED -> (identity) -> !removed.thread().isVisibleTo(identity);
		};
		for (SocketIONamespace namespace : this.server.namespaces()) {
			boolean movedAway = removed.reason() == ThreadRemoved.Reason.TENANT_CHANGED
					&& !isThreadNamespace(namespace, removed.thread());
			for (SocketIOClient socket : namespace.getRoomOperations(room).getClients()) {
				SocketCaller caller = SocketIdentities.of(socket);
				if (caller == null || movedAway || losesAccess.test(caller.identity())) {
					this.metrics.socketEventsSent("thread:removed", 1);
					RoomEmission.send(socket, "thread:removed", payload);
					this.server.audiences().leave(socket, room);
				}
			}
		}
	}

}
