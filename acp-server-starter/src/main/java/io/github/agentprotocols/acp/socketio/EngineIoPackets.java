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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * Reads the packets of an Engine.IO v4 payload: one packet per WebSocket frame, or
 * packets separated by {@code 0x1e} in a long-polling body. A Socket.IO CONNECT is
 * {@code 40}, then the namespace and a comma unless it is the main one, then the optional
 * {@code auth} object; an Engine.IO CLOSE is {@code 1}.
 */
final class EngineIoPackets {

	private static final byte SEPARATOR = 0x1e;

	private static final String CONNECT = "40";

	private EngineIoPackets() {
	}

	/**
	 * Tells whether a payload holds a CONNECT packet.
	 * @param content the payload
	 * @return whether a packet of it starts with {@code 40}
	 */
	static boolean containsConnect(ByteBuf content) {
		int end = content.writerIndex();
		for (int i = content.readerIndex(); i + 1 < end; i++) {
			if (isPacketStart(content, i) && content.getByte(i) == '4' && content.getByte(i + 1) == '0') {
				return true;
			}
		}
		return false;
	}

	private static boolean isPacketStart(ByteBuf content, int index) {
		return index == content.readerIndex() || content.getByte(index - 1) == SEPARATOR;
	}

	/**
	 * Splits a payload into its packets.
	 * @param content the payload, left unread
	 * @return the packets as text
	 */
	static List<String> split(ByteBuf content) {
		String text = content.toString(content.readerIndex(), content.readableBytes(), StandardCharsets.UTF_8);
		List<String> packets = new ArrayList<>();
		int start = 0;
		for (int separator = text.indexOf(SEPARATOR); separator >= 0; separator = text.indexOf(SEPARATOR, start)) {
			packets.add(text.substring(start, separator));
			start = separator + 1;
		}
		packets.add(text.substring(start));
		return packets;
	}

	/**
	 * Slices a payload into its packets, without copying: netty-socketio's decoder, given
	 * a payload of several packets, copies each but the last into a buffer it never
	 * releases, so it is given one packet at a time.
	 * @param content the payload, left unread
	 * @return the packets, slices of the payload valid while it is
	 */
	static List<ByteBuf> slices(ByteBuf content) {
		List<ByteBuf> packets = new ArrayList<>();
		int start = content.readerIndex();
		int end = content.writerIndex();
		for (int separator = content.indexOf(start, end, SEPARATOR); separator >= 0; separator = content.indexOf(start,
				end, SEPARATOR)) {
			packets.add(content.slice(start, separator - start));
			start = separator + 1;
		}
		packets.add(content.slice(start, end - start));
		return packets;
	}

	/**
	 * Reads a CONNECT packet. The namespace ends at the first comma, or at a {@code ?}
	 * before it, as netty-socketio reads it.
	 * @param packet a packet
	 * @return the CONNECT, or {@code null} if the packet is another one
	 */
	static @Nullable Connect read(String packet) {
		if (!packet.startsWith(CONNECT)) {
			return null;
		}
		String rest = packet.substring(CONNECT.length());
		if (!rest.startsWith("/")) {
			return new Connect("", rest);
		}
		int comma = rest.indexOf(',');
		String field = (comma >= 0) ? rest.substring(0, comma) : rest;
		int query = field.indexOf('?');
		return new Connect((query >= 0) ? field.substring(0, query) : field,
				(comma >= 0) ? rest.substring(comma + 1) : "");
	}

	/**
	 * A CONNECT packet.
	 *
	 * @param namespace the namespace as netty-socketio names it: empty for the main
	 * namespace, else its path
	 * @param auth the text of the {@code auth} object, empty when there is none
	 */
	record Connect(String namespace, String auth) {

		/**
		 * The namespace's path as the protocol writes it.
		 * @return {@code /} for the main namespace, else the namespace's name
		 */
		String path() {
			return this.namespace.isEmpty() ? "/" : this.namespace;
		}

		/**
		 * The packet without its {@code auth} object, which netty-socketio then connects
		 * without looking for credentials of its own.
		 * @return the packet
		 */
		String withoutAuth() {
			return this.namespace.isEmpty() ? CONNECT : CONNECT + this.namespace + ",";
		}

	}

}
