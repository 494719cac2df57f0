package io.github.agentprotocols.acp.socketio;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadRemoved;
import io.github.agentprotocols.acp.AcpClusterBroadcastListener;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.wire.AcpJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The broadcast listener of the Socket.IO transport: emits what the broadcast funnel
 * delivers to the thread's room (spec §5.6), and removes the sockets that lost access
 * from it (§5.8): each gets {@code thread:removed}, then leaves the room, and stays
 * connected. What other instances committed arrives from the cluster relay and is emitted
 * the same way. A notification is written to JSON once, whatever the number of sockets.
 */
public class SocketIoBroadcastListener implements AcpClusterBroadcastListener {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final AcpSocketIoServer server;

	/**
	 * Creates the listener.
	 * @param server the server whose rooms receive the notifications
	 */
	public SocketIoBroadcastListener(AcpSocketIoServer server) {
		this.server = server;
	}

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		if (broadcast instanceof AcpBroadcast.EventAppended appended) {
			emit(broadcast, "event", AcpJson.write(appended.event()));
		}
		else if (broadcast instanceof AcpBroadcast.ThreadUpdated updated) {
			emit(broadcast, "thread:updated", AcpJson.write(updated.thread()));
		}
		else if (broadcast instanceof AcpBroadcast.MembersUpdated members) {
			emit(broadcast, "members:updated", membersOf(members));
		}
		else if (broadcast instanceof AcpBroadcast.RunUpdated updated) {
			emit(broadcast, "run:updated", AcpJson.write(updated.run()));
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

	private void emit(AcpBroadcast broadcast, String event, String json) {
		RawValue payload = new RawValue(json);
		String room = SocketIoEvents.room(broadcast.threadId());
		for (SocketIONamespace namespace : this.server.namespaces()) {
			namespace.getRoomOperations(room).sendEvent(event, payload);
		}
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
			for (SocketIOClient socket : namespace.getRoomOperations(room).getClients()) {
				Identity identity = SocketIdentities.of(socket);
				if (identity == null || losesAccess.test(identity)) {
					socket.sendEvent("thread:removed", payload);
					socket.leaveRoom(room);
				}
			}
		}
	}

}
