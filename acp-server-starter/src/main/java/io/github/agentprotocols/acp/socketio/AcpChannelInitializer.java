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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.handler.InPacketHandler;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.transport.PollingTransport;
import io.github.agentprotocols.commons.web.WebSocketPeerErrors;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * netty-socketio's pipeline with the transport's own handlers: the origin check, the
 * additional paths and the transport check ({@link TransportCheckHandler}) after the HTTP
 * codec, the namespace connect before the packet handler, a long-polling transport that
 * answers requests for unknown sessions ({@link AcpPollingTransport}, built from the
 * private collaborators of netty-socketio's own), an encoder that loses no packet of a
 * long-polling backlog ({@link PollingPacketEncoder}), the limit of sessions without a
 * namespace connect ({@link PendingSessionLimitHandler}), the refusal of a WebSocket
 * upgrade for an unknown session ({@link UnknownSessionUpgradeHandler}), and a packet
 * handler that ends the session of a peer sending an unreadable packet
 * ({@link AcpPacketDecoder}) and ignores an UPGRADE over long-polling
 * ({@link AcpPacketListener}), where netty-socketio's logged an ERROR. A peer's protocol
 * violation is logged at DEBUG ({@link WebSocketPeerErrors}, before the packet handler
 * and at the end): a frame the WebSocket decoder refuses reached the packet handler,
 * whose exception listener logged it at ERROR, and a message or request whose connection
 * ends before it does reached it or the end of the pipeline, where Netty logged it at
 * WARN with its stack trace.
 */
final class AcpChannelInitializer extends SocketIOChannelInitializer {

	private static final String PEER_ERRORS = "acpPeerErrors";

	private static final String PEER_ERRORS_LAST = "acpPeerErrorsLast";

	private final PathAliasHandler pathAlias;

	private final OriginCheckHandler originCheck;

	private final TransportCheckHandler transportCheck;

	private final NamespaceConnectHandler namespaceConnect;

	private final PendingSessionLimitHandler pendingSessionLimit;

	private final ChannelGroup inPlace = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private @Nullable Map<UUID, ClientHead> sessions;

	private @Nullable ClientsBox clients;

	private @Nullable EncoderHandler encoder;

	private @Nullable PacketEncoder packetEncoder;

	private int maxFramePayload;

	private @Nullable AcpPollingTransport pollingTransport;

	private @Nullable InPacketHandler packetHandler;

	private @Nullable UnknownSessionUpgradeHandler unknownSessionUpgrade;

	AcpChannelInitializer(PathAliasHandler pathAlias, OriginCheckHandler originCheck,
			TransportCheckHandler transportCheck, NamespaceConnectHandler namespaceConnect,
			PendingSessionLimitHandler pendingSessionLimit) {
		this.pathAlias = pathAlias;
		this.originCheck = originCheck;
		this.transportCheck = transportCheck;
		this.namespaceConnect = namespaceConnect;
		this.pendingSessionLimit = pendingSessionLimit;
	}

	@Override
	public void start(Configuration configuration, NamespacesHub namespacesHub) {
		super.start(configuration, namespacesHub);
		this.packetEncoder = new PollingPacketEncoder(configuration, configuration.getJsonSupport());
		this.maxFramePayload = configuration.getMaxFramePayloadLength();
		try {
			this.encoder = new EncoderHandler(configuration, this.packetEncoder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PollingTransport transport = privateField(SocketIOChannelInitializer.class, "xhrPollingTransport", this);
		ClientsBox clients = privateField(PollingTransport.class, "clientsBox", transport);
		this.pollingTransport = new AcpPollingTransport(privateField(PollingTransport.class, "decoder", transport),
				privateField(PollingTransport.class, "authorizeHandler", transport), clients);
		this.sessions = privateField(ClientsBox.class, "uuid2clients", clients);
		this.clients = clients;
		this.unknownSessionUpgrade = new UnknownSessionUpgradeHandler(clients);
		AckManager acks = privateField(SocketIOChannelInitializer.class, "ackManager", this);
		CancelableScheduler scheduler = privateField(SocketIOChannelInitializer.class, "scheduler", this);
		this.packetHandler = new InPacketHandler(
				new AcpPacketListener(acks, namespacesHub, this.pollingTransport, scheduler),
				new AcpPacketDecoder(unwrapped(configuration.getJsonSupport()), acks), namespacesHub,
				configuration.getExceptionListener());
	}

	/**
	 * The JSON support netty-socketio's configuration wraps in one that logs every
	 * failure at ERROR.
	 */
	private static JsonSupport unwrapped(JsonSupport json) {
		return (json instanceof AcpJsonSupport) ? json : privateField(json.getClass(), "delegate", json);
	}

	/**
	 * Whether the server holds an Engine.IO session.
	 * @param sid the session's id, as a client sent it
	 * @return whether the session is open
	 */
	boolean knowsSession(String sid) {
		Assert.state(this.clients != null, "not started");
		return UnknownSessionUpgradeHandler.session(this.clients, sid) != null;
	}

	/**
	 * The encoder of the server's packets.
	 * @return the encoder
	 */
	PacketEncoder packetEncoder() {
		Assert.state(this.packetEncoder != null, "not started");
		return this.packetEncoder;
	}

	/**
	 * The largest WebSocket frame the server writes in one piece.
	 * @return the limit in bytes
	 */
	int maxFramePayload() {
		return this.maxFramePayload;
	}

	/**
	 * The Engine.IO sessions the server holds now.
	 * @return a live view of the sessions, by id
	 */
	Map<UUID, ClientHead> sessions() {
		Assert.state(this.sessions != null, "not started");
		return this.sessions;
	}

	@Override
	public void onDisconnect(ClientHead client) {
		super.onDisconnect(client);
		this.pendingSessionLimit.settled(client);
	}

	@SuppressWarnings("unchecked")
	private static <T> T privateField(Class<?> type, String name, Object target) {
		Field field = ReflectionUtils.findField(type, name);
		Assert.state(field != null, () -> "netty-socketio's " + type.getSimpleName() + " has no " + name);
		ReflectionUtils.makeAccessible(field);
		Object value = ReflectionUtils.getField(field, target);
		Assert.state(value != null, () -> "netty-socketio's " + type.getSimpleName() + " has no " + name);
		return (T) value;
	}

	/**
	 * Adds the handlers to a connection of the web server's, after its TLS, in place of
	 * its HTTP handling, with the HTTP encoder in front of the decoder as the web server
	 * has them: the WebSocket upgrade puts its frame encoder where the HTTP encoder was,
	 * so a close frame the WebSocket decoder sends on a protocol violation (1002) reaches
	 * the peer. The connection is kept open after an answer to a long-polling request
	 * ({@link PollingKeepAliveHandler}), and closed when the server stops.
	 * @param pipeline the connection's pipeline, which ends with the handlers that come
	 * before the HTTP handling
	 * @param paths the Engine.IO paths, such as {@code /socket.io}
	 * @param serving whether this server still runs
	 */
	void addHandlersInPlace(ChannelPipeline pipeline, List<String> paths, BooleanSupplier serving) {
		Assert.state(this.pollingTransport != null, "not started");
		addSocketioHandlers(pipeline);
		pipeline.remove(HTTP_ENCODER);
		pipeline.addBefore(HTTP_REQUEST_DECODER, HTTP_ENCODER, new HttpResponseEncoder());
		pipeline.addAfter(HTTP_AGGREGATOR, PollingKeepAliveHandler.NAME,
				new PollingKeepAliveHandler(paths, this.pollingTransport, serving));
		this.inPlace.add(pipeline.channel());
	}

	/**
	 * Closes the connections served in place, once the server's sessions are closed: a
	 * connection kept open after a long-polling answer belongs to no session.
	 */
	void closeInPlaceConnections() {
		this.inPlace.close();
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		Assert.state(this.encoder != null && this.pollingTransport != null && this.packetHandler != null
				&& this.unknownSessionUpgrade != null, "not started");
		pipeline.replace(SOCKETIO_ENCODER, SOCKETIO_ENCODER, this.encoder);
		pipeline.replace(PACKET_HANDLER, PACKET_HANDLER, this.packetHandler);
		pipeline.replace(XHR_POLLING_TRANSPORT, XHR_POLLING_TRANSPORT, this.pollingTransport);
		pipeline.addAfter(HTTP_ENCODER, OriginCheckHandler.NAME, this.originCheck);
		pipeline.addAfter(OriginCheckHandler.NAME, PathAliasHandler.NAME, this.pathAlias);
		pipeline.addAfter(PathAliasHandler.NAME, TransportCheckHandler.NAME, this.transportCheck);
		pipeline.addAfter(TransportCheckHandler.NAME, PendingSessionLimitHandler.NAME, this.pendingSessionLimit);
		pipeline.addBefore(PACKET_HANDLER, NamespaceConnectHandler.NAME, this.namespaceConnect);
		pipeline.addBefore(WEB_SOCKET_TRANSPORT, UnknownSessionUpgradeHandler.NAME, this.unknownSessionUpgrade);
		pipeline.addAfter(WEB_SOCKET_TRANSPORT, WebSocketPingHandler.NAME, WebSocketPingHandler.INSTANCE);
		// the WebSocket decoder's refusals before the packet handler, whose exception
		// listener logs ERROR; the WebSocket frame aggregator, which the upgrade adds
		// before the WebSocket transport, after it
		pipeline.addBefore(PACKET_HANDLER, PEER_ERRORS, WebSocketPeerErrors.handler());
		pipeline.addLast(PEER_ERRORS_LAST, WebSocketPeerErrors.handler());
	}

}
