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

import java.io.Serial;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;

/**
 * An event packet of Engine.IO 4 encoded once, queued as it is to any number of sessions
 * of one namespace; {@link PollingPacketEncoder} writes its bytes, which are the same on
 * long-polling and WebSocket.
 */
final class EncodedPacket extends Packet {

	@Serial
	private static final long serialVersionUID = 1L;

	private final byte[] bytes;

	/**
	 * Creates a packet.
	 * @param namespace the namespace's name, which the sessions' namespace client
	 * compares with its own
	 * @param bytes the encoded packet (Engine.IO's type and Socket.IO's), not copied
	 */
	EncodedPacket(String namespace, byte[] bytes) {
		super(PacketType.MESSAGE, EngineIOVersion.V4);
		setSubType(PacketType.EVENT);
		setNsp(namespace);
		this.bytes = bytes;
	}

	byte[] bytes() {
		return this.bytes;
	}

}
