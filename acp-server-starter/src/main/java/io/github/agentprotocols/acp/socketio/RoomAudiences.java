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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;

/**
 * The audiences of the rooms events are emitted to, each sorted once and kept until a
 * socket joins or leaves the room (through {@link #join} and {@link #leave}) or any
 * socket of its namespace disconnects, so that an event to a room costs nothing per
 * socket before its writes but the writes. A room is kept only while every one of its
 * sockets is on WebSocket (a socket on long-polling may upgrade), and only while it has
 * sockets.
 */
final class RoomAudiences {

	/** The kept audiences by namespace, then by room. */
	private final Map<String, Map<String, RoomEmission.Audience>> known = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	/**
	 * The audience of a room.
	 * @param namespace the room's namespace
	 * @param room the room's name
	 * @return its sockets, sorted
	 */
	RoomEmission.Audience of(SocketIONamespace namespace, String room) {
		Map<String, RoomEmission.Audience> rooms = this.known.computeIfAbsent(namespace.getName(),
				(name) -> new ConcurrentHashMap<>());
		RoomEmission.Audience audience = rooms.get(room);
		if (audience != null) {
			return audience;
		}
		long seen = this.changes.get();
		RoomEmission.Audience sorted = RoomEmission.audience(namespace.getRoomOperations(room).getClients(),
				namespace.getName());
		if (sorted.size() > 0 && sorted.onWebSocketsOnly()) {
			// kept unless the membership changed while it was sorted; put in the rooms of
			// a namespace that a disconnect has dropped since, it is kept nowhere
			rooms.compute(room, (name, current) -> (this.changes.get() == seen) ? sorted : current);
		}
		return sorted;
	}

	/**
	 * Puts a socket in a room.
	 * @param socket the socket
	 * @param room the room's name
	 */
	void join(SocketIOClient socket, String room) {
		socket.joinRoom(room);
		changed(socket.getNamespace().getName(), room);
	}

	/**
	 * Takes a socket out of a room.
	 * @param socket the socket
	 * @param room the room's name
	 */
	void leave(SocketIOClient socket, String room) {
		socket.leaveRoom(room);
		changed(socket.getNamespace().getName(), room);
	}

	private void changed(String namespace, String room) {
		this.changes.incrementAndGet();
		Map<String, RoomEmission.Audience> rooms = this.known.get(namespace);
		if (rooms != null) {
			rooms.remove(room);
		}
	}

	/**
	 * Forgets the audiences of a namespace's rooms, after one of its sockets
	 * disconnected.
	 * @param namespace the namespace's name
	 */
	void changed(String namespace) {
		this.changes.incrementAndGet();
		this.known.remove(namespace);
	}

	/**
	 * Forgets every audience.
	 */
	void clear() {
		this.changes.incrementAndGet();
		this.known.clear();
	}

}
