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
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
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
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Emits one event to the sockets of a room with its packet encoded once, as Node's
 * Socket.IO server does: the packet and its WebSocket frame header are written once into
 * one buffer ({@link TextFrame}), and every socket on WebSocket is written the same bytes
 * below its frame encoder; a WebSocket whose frames an extension transforms (compression)
 * is written a frame over the same payload; every other socket (long-polling, upgrading,
 * or with packets queued before) is queued the same encoded packet
 * ({@link EncodedPacket}). The writes are one task per event loop, run there for all of
 * that loop's sockets, like every write to a socket from another thread, so that each
 * keeps its place among them (a write made on the event loop itself would overtake those
 * still queued there); there, a socket with packets queued before it gets the event
 * queued behind them, as does every WebSocket when the packet is larger than one frame
 * (netty-socketio writes it in fragments). A session of Engine.IO 3 gets the event
 * through netty-socketio.
 */
final class RoomEmission {

	private static final Field CHANNELS = channelsField();

	private static final AttributeKey<FrameEncoder> FRAME_ENCODER = AttributeKey.valueOf(RoomEmission.class,
			"frameEncoder");

	private RoomEmission() {
	}

	/**
	 * Sorts sockets of one namespace by how an event reaches them.
	 * @param sockets the sockets
	 * @param namespace the namespace's name
	 * @return the sockets, sorted
	 */
	static Audience audience(Collection<SocketIOClient> sockets, String namespace) {
		Map<EventLoop, List<WebSocket>> byLoop = new IdentityHashMap<>();
		List<NamespaceClient> queued = new ArrayList<>();
		List<SocketIOClient> others = new ArrayList<>();
		int size = 0;
		for (SocketIOClient socket : sockets) {
			size++;
			NamespaceClient client = engineIo4(socket, namespace);
			if (client == null) {
				others.add(socket);
				continue;
			}
			Channel channel = webSocket(client);
			if (channel != null) {
				byLoop.computeIfAbsent(channel.eventLoop(), (loop) -> new ArrayList<>())
					.add(new WebSocket(client, channel));
			}
			else {
				queued.add(client);
			}
		}
		return new Audience(size, byLoop, queued, others);
	}

	/**
	 * Emits an event to sockets of one namespace.
	 * @param audience the sockets
	 * @param namespace the namespace's name
	 * @param event the event's name
	 * @param payload its one argument, written to JSON by the server's JSON support
	 * @param encoder the server's packet encoder
	 * @param maxFramePayload the largest frame the server writes in one piece
	 */
	static void emit(Audience audience, String namespace, String event, Object payload, PacketEncoder encoder,
			int maxFramePayload) {
		for (SocketIOClient socket : audience.others()) {
			socket.sendEvent(event, payload);
		}
		if (audience.webSockets().isEmpty() && audience.queued().isEmpty()) {
			return;
		}
		byte[] bytes = encode(namespace, event, payload, encoder);
		EncodedPacket packet = new EncodedPacket(namespace, bytes);
		for (NamespaceClient client : audience.queued()) {
			client.send(packet);
		}
		TextFrame frame = (!audience.webSockets().isEmpty() && bytes.length <= maxFramePayload)
				? TextFrame.of(bytes, ByteBufAllocator.DEFAULT) : null;
		try {
			for (Map.Entry<EventLoop, List<WebSocket>> loop : audience.webSockets().entrySet()) {
				write(loop.getKey(), loop.getValue(), frame, packet);
			}
		}
		finally {
			ReferenceCountUtil.release(frame);
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

	private static void write(EventLoop loop, List<WebSocket> sockets, @Nullable TextFrame frame,
			EncodedPacket packet) {
		ReferenceCountUtil.retain(frame);
		try {
			loop.execute(() -> {
				try {
					for (WebSocket socket : sockets) {
						socket.write(frame, packet);
					}
				}
				finally {
					ReferenceCountUtil.release(frame);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			ReferenceCountUtil.release(frame);
		}
	}

	private static byte[] encode(String namespace, String event, Object payload, PacketEncoder encoder) {
		Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
		packet.setSubType(PacketType.EVENT);
		packet.setNsp(namespace);
		packet.setName(event);
		packet.setData(List.of(payload));
		ByteBuf buffer = encoder.allocateBuffer(ByteBufAllocator.DEFAULT);
		try {
			encoder.encodePacket(packet, buffer, ByteBufAllocator.DEFAULT, true);
			return ByteBufUtil.getBytes(buffer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * The socket as netty-socketio's client of the namespace when its session speaks
	 * Engine.IO 4, else {@code null}.
	 */
	private static @Nullable NamespaceClient engineIo4(SocketIOClient socket, String namespace) {
		return (socket instanceof NamespaceClient client
				&& client.getBaseClient().getEngineIOVersion() == EngineIOVersion.V4
				&& client.getNamespace().getName().equals(namespace)) ? client : null;
	}

	/**
	 * The WebSocket of a socket whose session is on WebSocket (Engine.IO 4), else
	 * {@code null}.
	 */
	static @Nullable Channel webSocket(SocketIOClient socket) {
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

	/**
	 * The context of a WebSocket's frame encoder, where a frame's bytes can be written,
	 * unless an extension transforms the frames; looked up once a connection.
	 */
	private static @Nullable ChannelHandlerContext frameEncoder(Channel channel) {
		Attribute<FrameEncoder> attribute = channel.attr(FRAME_ENCODER);
		FrameEncoder known = attribute.get();
		if (known == null) {
			ChannelPipeline pipeline = channel.pipeline();
			known = new FrameEncoder((pipeline.get(WebSocketExtensionEncoder.class) != null) ? null
					: pipeline.context(WebSocketFrameEncoder.class));
			attribute.set(known);
		}
		return known.context();
	}

	private static Field channelsField() {
		Field field = ReflectionUtils.findField(ClientHead.class, "channels");
		Assert.state(field != null, "netty-socketio's ClientHead has no channels");
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/**
	 * Sockets of one namespace, sorted by how an event reaches them.
	 *
	 * @param size how many
	 * @param webSockets those on WebSocket (Engine.IO 4), by their connection's event
	 * loop
	 * @param queued the others of Engine.IO 4, queued the encoded packet
	 * @param others the others (Engine.IO 3), sent the event by netty-socketio
	 */
	record Audience(int size, Map<EventLoop, List<WebSocket>> webSockets, List<NamespaceClient> queued,
			List<SocketIOClient> others) {

		/**
		 * Whether every socket is on WebSocket, as it stays until its session ends.
		 * @return whether the audience holds for as long as the room's membership
		 */
		boolean onWebSocketsOnly() {
			return this.queued.isEmpty() && this.others.isEmpty();
		}

	}

	/**
	 * A socket on WebSocket and its connection.
	 */
	record WebSocket(NamespaceClient socket, Channel channel) {

		/**
		 * Writes the frame, or queues the packet when there is no frame (a packet larger
		 * than one), packets wait in the session's queue or the connection has closed.
		 */
		void write(@Nullable TextFrame frame, EncodedPacket packet) {
			ClientHead session = this.socket.getBaseClient();
			if (frame == null || !this.channel.isActive() || !session.getPacketsQueue(Transport.WEBSOCKET).isEmpty()) {
				this.socket.send(packet);
				return;
			}
			ChannelHandlerContext encoder = frameEncoder(this.channel);
			if (encoder != null) {
				encoder.writeAndFlush(frame.bytes());
			}
			else {
				this.channel.writeAndFlush(frame.frame());
			}
		}

	}

	/**
	 * Where a connection's frames are written as bytes, {@code null} when only as frames.
	 */
	private record FrameEncoder(@Nullable ChannelHandlerContext context) {

	}

}
