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
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.TransportState;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Emits one event to the sockets of a room with its packet encoded once, as Node's
 * Socket.IO server does: the packet is written once into the bytes of a WebSocket text
 * frame, and every socket on WebSocket is written a frame over the same bytes (a retained
 * duplicate). The write is a task of the socket's event loop, like every write to the
 * socket from another thread, so that it keeps its place among them (a write made on the
 * event loop itself would overtake those still queued there); there, a socket with
 * packets queued before it gets the event through netty-socketio's queue behind them. Any
 * other socket (long-polling, upgrading) and a packet larger than one frame go through
 * netty-socketio, which encodes the event for that socket.
 */
final class RoomEmission {

	private static final Field CHANNELS = channelsField();

	private RoomEmission() {
	}

	/**
	 * Emits an event to sockets of one namespace.
	 * @param sockets the sockets
	 * @param namespace the namespace's name
	 * @param event the event's name
	 * @param payload its one argument, written to JSON by the server's JSON support
	 * @param encoder the server's packet encoder
	 * @param maxFramePayload the largest frame the server writes in one piece
	 */
	static void emit(Collection<SocketIOClient> sockets, String namespace, String event, Object payload,
			PacketEncoder encoder, int maxFramePayload) {
		ByteBuf frame = null;
		try {
			for (SocketIOClient socket : sockets) {
				Channel channel = webSocket(socket);
				if (channel != null && frame == null) {
					frame = encode(namespace, event, payload, encoder);
				}
				if (channel != null && frame.readableBytes() <= maxFramePayload) {
					write(socket, channel, frame.retainedDuplicate(), event, payload);
				}
				else {
					socket.sendEvent(event, payload);
				}
			}
		}
		finally {
			if (frame != null) {
				frame.release();
			}
		}
	}

	/**
	 * Emits an event to one socket, through netty-socketio, as a task of its event loop
	 * when it is on WebSocket, so that it keeps its place after the frames written
	 * before.
	 * @param socket the socket
	 * @param event the event's name
	 * @param payload its one argument
	 */
	static void send(SocketIOClient socket, String event, Object payload) {
		Channel channel = webSocket(socket);
		if (channel == null) {
			socket.sendEvent(event, payload);
			return;
		}
		try {
			channel.eventLoop().execute(() -> socket.sendEvent(event, payload));
		}
		catch (RejectedExecutionException ex) {
			socket.sendEvent(event, payload);
		}
	}

	private static void write(SocketIOClient socket, Channel channel, ByteBuf frame, String event, Object payload) {
		try {
			channel.eventLoop().execute(() -> {
				ClientHead session = ((NamespaceClient) socket).getBaseClient();
				if (channel.isActive() && session.getPacketsQueue(Transport.WEBSOCKET).isEmpty()) {
					channel.writeAndFlush(new TextWebSocketFrame(frame));
				}
				else {
					frame.release();
					socket.sendEvent(event, payload);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			frame.release();
		}
	}

	private static ByteBuf encode(String namespace, String event, Object payload, PacketEncoder encoder) {
		Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
		packet.setSubType(PacketType.EVENT);
		packet.setNsp(namespace);
		packet.setName(event);
		packet.setData(List.of(payload));
		ByteBuf frame = encoder.allocateBuffer(ByteBufAllocator.DEFAULT);
		try {
			encoder.encodePacket(packet, frame, ByteBufAllocator.DEFAULT, true);
			return frame;
		}
		catch (IOException ex) {
			frame.release();
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The WebSocket of a socket whose session is on WebSocket (Engine.IO 4), else
	 * {@code null}.
	 */
	private static @Nullable Channel webSocket(SocketIOClient socket) {
		if (!(socket instanceof NamespaceClient namespaceClient)) {
			return null;
		}
		ClientHead session = namespaceClient.getBaseClient();
		if (session.getCurrentTransport() != Transport.WEBSOCKET
				|| session.getEngineIOVersion() != EngineIOVersion.V4) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<Transport, TransportState> channels = (Map<Transport, TransportState>) ReflectionUtils.getField(CHANNELS,
				session);
		return (channels != null) ? channels.get(Transport.WEBSOCKET).getChannel() : null;
	}

	private static Field channelsField() {
		Field field = ReflectionUtils.findField(ClientHead.class, "channels");
		Assert.state(field != null, "netty-socketio's ClientHead has no channels");
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
