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

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * netty-socketio's packet encoder without its loss on long-polling: a poll is answered
 * with at most {@code limit} (50) queued packets, but netty-socketio 2.0.14 takes one
 * more off the session's queue before it stops, and drops it. Here the packets of a
 * response are taken off first, at most {@code limit}, and the rest stay queued for the
 * next poll. A packet encoded already ({@link EncodedPacket}: one event to many sockets)
 * is written as it is, on long-polling and WebSocket alike.
 */
class PollingPacketEncoder extends PacketEncoder {

	PollingPacketEncoder(Configuration configuration, JsonSupport jsonSupport) {
		super(configuration, jsonSupport);
	}

	@Override
	public void encodePacket(Packet packet, ByteBuf buffer, ByteBufAllocator allocator, boolean binary)
			throws IOException {
		if (packet instanceof EncodedPacket encoded) {
			buffer.writeBytes(encoded.bytes());
			return;
		}
		super.encodePacket(packet, buffer, allocator, binary);
	}

	@Override
	public void encodePackets(Queue<Packet> packets, ByteBuf buffer, ByteBufAllocator allocator, int limit)
			throws IOException {
		super.encodePackets(take(packets, limit), buffer, allocator, limit);
	}

	@Override
	public void encodeJsonP(Integer jsonpIndex, Queue<Packet> packets, ByteBuf out, ByteBufAllocator allocator,
			int limit) throws IOException {
		super.encodeJsonP(jsonpIndex, take(packets, limit), out, allocator, limit);
	}

	private static Queue<Packet> take(Queue<Packet> packets, int limit) {
		Queue<Packet> taken = new ArrayDeque<>();
		while (taken.size() < limit) {
			Packet packet = packets.poll();
			if (packet == null) {
				break;
			}
			taken.add(packet);
		}
		return taken;
	}

}
