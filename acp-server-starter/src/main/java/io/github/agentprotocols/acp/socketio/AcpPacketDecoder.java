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
import java.nio.charset.StandardCharsets;

import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketDecoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * netty-socketio's packet decoder, ending the session of a peer that sends a packet it
 * cannot read, as the Node.js server closes a connection on a parse error, or a packet
 * for a namespace its socket has not connected to, as it closes one in an invalid state.
 * netty-socketio logs an unreadable packet at ERROR with its stack trace (twice, three
 * times with malformed JSON), and keeps the session; here it is logged at DEBUG, the
 * session disconnected, and the packet handler given a packet it drops (one for a
 * namespace no server has).
 */
final class AcpPacketDecoder extends PacketDecoder {

	private static final Log logger = LogFactory.getLog(AcpPacketDecoder.class);

	private static final byte SEPARATOR = 0x1e;

	/** A namespace name no namespace has: packets for it are dropped. */
	private static final String NO_NAMESPACE = "\u0000unreadable";

	/**
	 * Creates the decoder.
	 * @param json the JSON support itself, not netty-socketio's wrapper, which logs every
	 * failure at ERROR
	 * @param acks the server's acknowledgements
	 */
	AcpPacketDecoder(JsonSupport json, AckManager acks) {
		super(json, acks);
	}

	@Override
	public Packet decodePackets(ByteBuf buffer, ClientHead client) throws IOException {
		try {
			boolean checked = checkTypes(buffer, client);
			Packet packet = super.decodePackets(buffer, client);
			if (checked && buffer.isReadable() && buffer.getByte(buffer.readerIndex() - 1) != SEPARATOR) {
				throw new IOException("bytes after a packet");
			}
			if (checked && !isInState(packet, client)) {
				throw new IOException("packet for a namespace the socket has not connected to");
			}
			return packet;
		}
		catch (IOException | RuntimeException ex) {
			buffer.skipBytes(buffer.readableBytes());
			if (logger.isDebugEnabled()) {
				logger.debug("Unreadable Socket.IO packet from session " + client.getSessionId()
						+ ", disconnecting it: " + ex);
			}
			client.disconnect();
			Packet dropped = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
			dropped.setSubType(PacketType.EVENT);
			dropped.setNsp(NO_NAMESPACE);
			return dropped;
		}
	}

	/**
	 * Whether the Node.js server would take a packet in the socket's state: a Socket.IO
	 * packet other than a CONNECT only for a namespace the socket has connected to, never
	 * a CONNECT_ERROR. netty-socketio puts every session in the main namespace without a
	 * CONNECT, where the socket's events were refused {@code unauthenticated}; the
	 * Node.js server closes the connection ("invalid state").
	 */
	private static boolean isInState(Packet packet, ClientHead client) {
		if (packet.getType() != PacketType.MESSAGE || packet.getSubType() == PacketType.CONNECT) {
			return true;
		}
		return packet.getSubType() != PacketType.ERROR && SocketIdentities.isConnected(client, packet.getNsp());
	}

	/**
	 * Whether the session's last packet is a binary one still waiting for attachments:
	 * its next frames are those, whatever their bytes.
	 * @param client the session
	 * @return whether attachments are awaited
	 */
	static boolean awaitsAttachment(ClientHead client) {
		Packet binary = client.getLastBinaryPacket();
		return binary != null && binary.hasAttachments() && !binary.isAttachmentsLoaded();
	}

	/**
	 * Checks an Engine.IO v4 packet the way the Node.js server reads it, where
	 * netty-socketio reads more: it takes a packet's types from the low four bits of a
	 * byte ({@code t0} passed for a CONNECT), a second type after any packet but a PING
	 * ({@code 60}, {@code 00}: a CONNECT to the main namespace that no authenticator
	 * saw), and what follows a packet it has read as a packet of its own ({@code 4140}).
	 * Packets of other versions, binary ones and attachments are left to it.
	 * @return whether the packet was checked, so that it must be read whole
	 */
	private static boolean checkTypes(ByteBuf buffer, ClientHead client) throws IOException {
		int start = buffer.readerIndex();
		if (!buffer.isReadable() || buffer.getByte(start) == 0 || awaitsAttachment(client)
				|| client.getEngineIOVersion() != EngineIOVersion.V4) {
			return false;
		}
		byte type = buffer.getByte(start);
		if (type < '1' || type > '6') {
			throw new IOException("unknown packet type");
		}
		if (type == '4' && buffer.readableBytes() > 1 && !isDigit(buffer.getByte(start + 1))) {
			throw new IOException("unknown message type");
		}
		if (type != '2' && type != '4' && buffer.readableBytes() > 1) {
			throw new IOException("data after a packet that has none");
		}
		if (type == '4' && buffer.readableBytes() > 2) {
			checkHeader(buffer, start + 2, buffer.getByte(start + 1));
		}
		return true;
	}

	/**
	 * Checks what netty-socketio reads as a message's attachment count, namespace and
	 * acknowledgement id, the bytes before its first {@code [}: the Node.js server reads
	 * {@code [<count>-][/<namespace>,][<digits>]} there, netty-socketio digits from the
	 * low four bits of any byte (the namespace too when no comma ends it), and its
	 * encoder cannot write an id above {@link Integer#MAX_VALUE} back: it throws, and the
	 * packets taken with the acknowledgement, a poll's whole answer, are lost.
	 */
	private static void checkHeader(ByteBuf buffer, int start, byte subType) throws IOException {
		int end = buffer.indexOf(start, buffer.writerIndex(), (byte) '[');
		if (end <= start) {
			return;
		}
		int from = start;
		int dash = buffer.indexOf(start, end, (byte) '-');
		if (dash >= 0 && (subType == '5' || subType == '6')) {
			int count = digits(buffer, start, dash);
			if (count == 0 || count != dash - start) {
				throw new IOException("unreadable attachment count");
			}
			from = dash + 1;
		}
		if (from < end && buffer.getByte(from) == '/') {
			int comma = buffer.indexOf(from, end, (byte) ',');
			if (comma < 0) {
				throw new IOException("namespace without its comma");
			}
			from = comma + 1;
		}
		int length = digits(buffer, from, end);
		if (length != end - from || length > 10 || (length > 0
				&& Long.parseLong(buffer.toString(from, length, StandardCharsets.US_ASCII)) > Integer.MAX_VALUE)) {
			throw new IOException("unreadable acknowledgement id");
		}
	}

	/**
	 * How many decimal digits a range starts with.
	 */
	private static int digits(ByteBuf buffer, int from, int end) {
		int i = from;
		while (i < end && isDigit(buffer.getByte(i))) {
			i++;
		}
		return i - from;
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

}
