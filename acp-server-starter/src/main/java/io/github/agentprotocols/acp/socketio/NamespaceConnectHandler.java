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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationContext;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.acp.socketio.EngineIoPackets.Connect;
import io.micrometer.observation.Observation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates Socket.IO namespace connects before netty-socketio sees them (spec §5.2),
 * as a handler in front of its packet handler. netty-socketio asks its auth listeners
 * only when a CONNECT carries an {@code auth} object, synchronously, and keeps the socket
 * in the namespace after a refusal; here every CONNECT is decided by the
 * {@link SocketConnectAuthenticator} without blocking the I/O thread. A refused CONNECT
 * is answered with a CONNECT_ERROR and taken out of the payload, and so is a CONNECT to a
 * namespace that is not served (outside namespace mode); an accepted one is passed on
 * without its {@code auth} object once the socket's identity is recorded, and its session
 * is no longer {@linkplain PendingSessions pending}.
 * <p>
 * The payloads of a session wait behind a CONNECT being decided, so that its packets keep
 * their order.
 */
@ChannelHandler.Sharable
final class NamespaceConnectHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpNamespaceConnect";

	private static final Log logger = LogFactory.getLog(NamespaceConnectHandler.class);

	/**
	 * The refusal of a namespace that is not served, as the Node.js Socket.IO server
	 * words it: netty-socketio's own, a bare string, is not a valid CONNECT_ERROR for
	 * every client.
	 */
	private static final Map<String, Object> UNKNOWN_NAMESPACE = Map.of("message", "Invalid namespace");

	private final SocketConnectAuthenticator authenticator;

	private final SocketIoNamespaces namespaces;

	private final PendingSessions pending;

	private final AcpMetrics metrics;

	private final SocketIoObservations observations;

	private final Map<UUID, ArrayDeque<Held>> lanes = new ConcurrentHashMap<>();

	NamespaceConnectHandler(SocketConnectAuthenticator authenticator, SocketIoNamespaces namespaces,
			PendingSessions pending, AcpMetrics metrics, SocketIoObservations observations) {
		this.authenticator = authenticator;
		this.namespaces = namespaces;
		this.pending = pending;
		this.metrics = metrics;
		this.observations = observations;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof PacketsMessage message) || !isVersion4(message.getClient())) {
			ctx.fireChannelRead(msg);
			return;
		}
		ClientHead client = message.getClient();
		boolean connects = EngineIoPackets.containsConnect(message.getContent())
				&& !AcpPacketDecoder.awaitsAttachment(client);
		Held[] start = new Held[1];
		boolean[] passOn = new boolean[1];
		this.lanes.compute(client.getSessionId(), (session, waiting) -> {
			if (waiting == null && !connects) {
				passOn[0] = true;
				return null;
			}
			Held held = new Held(ctx,
					(ChannelInboundHandler) ctx.pipeline().get(SocketIOChannelInitializer.PACKET_HANDLER), client,
					message.getTransport(), EngineIoPackets.split(message.getContent()));
			if (waiting == null) {
				start[0] = held;
				return new ArrayDeque<>();
			}
			waiting.add(held);
			return waiting;
		});
		if (passOn[0]) {
			passOn(ctx, message);
		}
		else if (start[0] != null) {
			process(start[0]);
		}
	}

	/**
	 * Passes a payload on one packet at a time (see {@link EngineIoPackets#slices}).
	 */
	private static void passOn(ChannelHandlerContext ctx, PacketsMessage message) {
		List<ByteBuf> packets = EngineIoPackets.slices(message.getContent());
		if (packets.size() == 1) {
			ctx.fireChannelRead(message);
			return;
		}
		for (ByteBuf packet : packets) {
			ctx.fireChannelRead(new PacketsMessage(message.getClient(), packet, message.getTransport()));
		}
	}

	private static boolean isVersion4(ClientHead client) {
		return client.getEngineIOVersion() == EngineIOVersion.V4;
	}

	private void process(Held held) {
		Flux.fromIterable(held.packets())
			.concatMap((packet) -> decide(held.client(), packet))
			.collectList()
			.subscribe((packets) -> held.ctx().executor().execute(() -> {
				try {
					forward(held, packets);
				}
				finally {
					next(held.client().getSessionId());
				}
			}), (ex) -> {
				logger.error("Socket.IO connect handling failed for session " + held.client().getSessionId(), ex);
				held.ctx().executor().execute(() -> next(held.client().getSessionId()));
			});
	}

	/**
	 * What a packet becomes: itself, a CONNECT without its {@code auth} object, or
	 * nothing for a refused CONNECT.
	 */
	private Mono<String> decide(ClientHead client, String packet) {
		Connect connect = EngineIoPackets.read(packet);
		if (connect == null) {
			return Mono.just(packet);
		}
		SocketIoEventObservationContext context = new SocketIoEventObservationContext(
				SocketIoEventObservationContext.CONNECT, connect.namespace());
		Observation observation = this.observations.start(context);
		if (!this.namespaces.exists(connect.namespace()) && !this.authenticator.decidesEveryNamespace()) {
			client.send(connectError(client, connect.namespace(), UNKNOWN_NAMESPACE));
			context.setOutcome("unknown_namespace");
			observation.stop();
			return Mono.empty();
		}
		Mono<String> connected = this.authenticator
			.authenticate(client.getHandshakeData(), connect.path(), connect.auth())
			.map((caller) -> {
				this.namespaces.open(connect.namespace());
				SocketIdentities.connected(client.getStore(), connect.namespace(), caller);
				this.pending.settled(client);
				this.metrics.socketConnected();
				context.setOutcome("ok");
				return connect.withoutAuth();
			})
			.onErrorResume(AcpException.class, (refusal) -> {
				SocketIdentities.disconnected(client.getStore(), connect.namespace());
				this.metrics.socketConnectRefused(refusal.getCode().code());
				context.setOutcome(refusal.getCode().code());
				client.send(connectError(client, connect.namespace(), SocketConnectAuthenticator.refusal(refusal)));
				return Mono.empty();
			});
		return ReactiveObservations.stopOnEnd(observation, connected, SocketIoObservations.failures(context));
	}

	private static Packet connectError(ClientHead client, String namespace, Map<String, Object> data) {
		Packet packet = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
		packet.setSubType(PacketType.ERROR);
		packet.setNsp(namespace);
		packet.setData(data);
		return packet;
	}

	/**
	 * Hands the packets to netty-socketio's packet handler directly, one at a time (see
	 * {@link EngineIoPackets#slices}): a long-polling request's channel may be closed by
	 * now.
	 */
	private static void forward(Held held, List<String> packets) {
		for (String packet : packets) {
			if (!held.client().isConnected()) {
				return;
			}
			ByteBuf content = held.ctx().alloc().heapBuffer();
			try {
				content.writeCharSequence(packet, StandardCharsets.UTF_8);
				held.packetHandler()
					.channelRead(held.ctx(), new PacketsMessage(held.client(), content, held.transport()));
			}
			catch (Exception ex) {
				logger.warn("Socket.IO packets of session " + held.client().getSessionId() + " failed", ex);
			}
			finally {
				content.release();
			}
		}
	}

	private void next(UUID session) {
		Held[] next = new Held[1];
		this.lanes.computeIfPresent(session, (id, waiting) -> {
			next[0] = waiting.poll();
			return (next[0] != null) ? waiting : null;
		});
		if (next[0] != null) {
			process(next[0]);
		}
	}

	/**
	 * A payload waiting for the CONNECTs of its session to be decided.
	 */
	private record Held(ChannelHandlerContext ctx, ChannelInboundHandler packetHandler, ClientHead client,
			Transport transport, List<String> packets) {

	}

}
