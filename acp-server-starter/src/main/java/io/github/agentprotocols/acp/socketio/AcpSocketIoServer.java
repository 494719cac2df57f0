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

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.observation.SocketIoEventObservationConvention;
import io.github.agentprotocols.commons.socketio.SocketIoServers;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;

/**
 * The Socket.IO server of x64acp (spec §5) on netty-socketio, started and stopped with
 * the application context. Each start builds a new netty-socketio server, since a stopped
 * one cannot be started again. It listens on an ephemeral loopback port that the
 * {@link SocketIoBridge} forwards the application's port to, or, when
 * {@link SocketIoSettings#port()} is set, on that port on
 * {@link SocketIoSettings#address()} (loopback unless configured otherwise), reachable
 * directly as well as through the bridge.
 * <p>
 * Only Engine.IO v4 sessions are accepted (Socket.IO protocol v5). Session ids are
 * random, never taken from the client, and acknowledgements are sent when an event's
 * operation has completed.
 * <p>
 * It stops after the run executor, so that the last run events of a graceful shutdown
 * reach their sockets, and before the web server, whose graceful shutdown would otherwise
 * wait for the bridged WebSocket connections. A stop first refuses new requests (the
 * bridge answers 503), then ends every session with an Engine.IO CLOSE packet
 * ({@link EngineIoClose}), which answers the long-polls in flight and ends the WebSockets
 * after it, and only then shuts the server's event loops down: the bridge relays those
 * answers and ends while the web server still serves, and the web server's graceful
 * shutdown then waits for the bridged requests to complete.
 */
public class AcpSocketIoServer implements SmartLifecycle {

	/**
	 * Stopped after the run executor, before the web server's graceful shutdown
	 * ({@code DEFAULT_PHASE - 1024}), which would otherwise wait for the bridged
	 * WebSockets, and after which the bridge could no longer relay the sessions' CLOSE
	 * packets.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	/**
	 * How often the sessions without a namespace connect are timed out and the refusals
	 * of new ones reported.
	 */
	private static final Duration PENDING_SWEEP = Duration.ofSeconds(1);

	/** How long a stop waits for the CLOSE packets of its sessions to be written. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	/** netty-socketio's and Node's Engine.IO's default ping interval. */
	private static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(25);

	private final SocketIoSettings settings;

	private final AcpAuthenticator authenticator;

	private final @Nullable NamespaceConnectCheck namespaceCheck;

	private final SocketIoEvents events;

	private final RoomAudiences audiences = new RoomAudiences();

	private final AcpMetrics metrics;

	private final SocketIoObservations observations;

	private final Duration pingInterval;

	private final boolean websocketCompression;

	private volatile @Nullable Running running;

	private AcpSocketIoServer(Builder builder) {
		this.settings = builder.settings;
		this.authenticator = builder.authenticator;
		this.namespaceCheck = builder.namespaceCheck;
		this.metrics = builder.metrics;
		this.pingInterval = builder.pingInterval;
		this.websocketCompression = builder.websocketCompression;
		this.observations = new SocketIoObservations(builder.observationRegistry, builder.observationConvention);
		this.events = new SocketIoEvents(builder.operations, builder.store, builder.broadcaster,
				this.settings.replayCap(), this.metrics, this.observations, this.audiences);
	}

	/**
	 * Starts building a server. Unless set, it has no namespace check, records no counts
	 * and orders joins through a broadcast funnel of its own.
	 * @param settings how it is served
	 * @param authenticator authenticates each namespace connect
	 * @param operations supplies the operations behind the events, on first use, so that
	 * the server does not depend on the run executor's lifecycle
	 * @param store replays a thread's events on join
	 * @return the builder
	 */
	public static Builder builder(SocketIoSettings settings, AcpAuthenticator authenticator,
			Supplier<AcpOperations> operations, ThreadStore store) {
		return new Builder(settings, authenticator, operations, store);
	}

	@Override
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		SocketIoNamespaces[] namespaces = new SocketIoNamespaces[1];
		AcpChannelInitializer[] pipeline = new AcpChannelInitializer[1];
		PendingSessions pending = new PendingSessions(this.settings.connectTimeout(),
				this.settings.maxPendingConnections());
		SocketIOServer server = SocketIoServers.create(configuration(), (created) -> {
			namespaces[0] = new SocketIoNamespaces(created, this.events, this.audiences);
			pipeline[0] = new AcpChannelInitializer(
					new PathAliasHandler(this.settings.path(), this.settings.additionalPaths()),
					new OriginCheckHandler(this.settings.allowedOrigins()),
					new TransportCheckHandler(this.settings.path()),
					new NamespaceConnectHandler(new SocketConnectAuthenticator(this.authenticator, this.namespaceCheck),
							namespaces[0], pending, this.metrics, this.observations),
					new PendingSessionLimitHandler(pending));
			return pipeline[0];
		});
		try {
			int port = SocketIoServers.boundPort(server.startAsync().syncUninterruptibly());
			Disposable sweeping = Flux.interval(PENDING_SWEEP, PENDING_SWEEP)
				.subscribe((tick) -> pending.sweep(pipeline[0].sessions(), pipeline[0], Instant.now()));
			this.running = new Running(server, namespaces[0], pipeline[0], port, sweeping);
		}
		catch (RuntimeException ex) {
			SocketIoServers.stop(server);
			throw ex;
		}
	}

	private Configuration configuration() {
		Configuration configuration = new Configuration();
		Integer port = this.settings.port();
		configuration.setHostname(
				((port != null) ? this.settings.address() : InetAddress.getLoopbackAddress()).getHostAddress());
		configuration.setPort((port != null) ? port : 0);
		configuration.setContext(this.settings.path());
		configuration.setTransports(Transport.WEBSOCKET, Transport.POLLING);
		configuration.setJsonSupport(new AcpJsonSupport(SocketIoEvents.NAMES));
		configuration.setAckMode(AckMode.MANUAL);
		configuration.setRandomSession(true);
		configuration.setAddVersionHeader(false);
		configuration.setPingInterval(Math.toIntExact(this.pingInterval.toMillis()));
		configuration.setWebsocketCompression(this.websocketCompression);
		configuration.setMaxHttpContentLength(this.settings.maxPayloadBytes());
		configuration.setMaxFramePayloadLength(this.settings.maxPayloadBytes());
		configuration.setExceptionListener(new PeerFaultListener());
		configuration.setAuthorizationListener(
				(handshake) -> new AuthorizationResult("4".equals(handshake.getSingleUrlParam("EIO"))));
		SocketConfig socket = new SocketConfig();
		socket.setReuseAddress(true);
		configuration.setSocketConfig(socket);
		return configuration;
	}

	@Override
	public synchronized void stop() {
		Running running = this.running;
		if (running != null) {
			this.running = null;
			this.audiences.clear();
			running.sweeping().dispose();
			EngineIoClose.closeAll(List.copyOf(running.pipeline().sessions().values()), CLOSE_TIMEOUT);
			running.pipeline().closeInPlaceConnections();
			SocketIoServers.stop(running.server());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * The port netty-socketio listens on while running.
	 * @return the port, or {@code null} when stopped
	 */
	public @Nullable Integer port() {
		Running running = this.running;
		return (running != null) ? running.port() : null;
	}

	/**
	 * The settings the server is served with.
	 * @return the settings
	 */
	public SocketIoSettings settings() {
		return this.settings;
	}

	/**
	 * How often the server pings each session: the longest a long-polling request with
	 * nothing to deliver waits for its answer.
	 * @return the ping interval
	 */
	public Duration pingInterval() {
		return this.pingInterval;
	}

	/**
	 * How many sockets are connected now, a socket counted once per namespace it
	 * connected to. An Engine.IO session whose namespace connect was refused, or not made
	 * yet, is not counted.
	 * @return the connected sockets, 0 when stopped
	 */
	public int connectedSockets() {
		return (int) namespaces().stream()
			.flatMap((namespace) -> namespace.getAllClients().stream())
			.filter((socket) -> SocketIdentities.of(socket) != null)
			.count();
	}

	/**
	 * How many thread rooms hold at least one socket now, a thread's room counted once
	 * per namespace it has sockets in.
	 * @return the occupied thread rooms, 0 when stopped
	 */
	public int occupiedThreadRooms() {
		int rooms = 0;
		for (SocketIONamespace namespace : namespaces()) {
			if (namespace instanceof Namespace served) {
				for (String room : served.getRooms()) {
					if (SocketIoEvents.threadOf(room) != null && served.getRoomClients(room).iterator().hasNext()) {
						rooms++;
					}
				}
			}
		}
		return rooms;
	}

	/**
	 * Whether the server holds an Engine.IO session now.
	 * @param sid the session's id, as a client sent it
	 * @return whether the session is open, {@code false} when stopped
	 */
	boolean knowsSession(String sid) {
		Running running = this.running;
		return running != null && running.pipeline().knowsSession(sid);
	}

	/**
	 * The pipeline of the server's connections while running.
	 * @return the pipeline, or {@code null} when stopped
	 */
	@Nullable AcpChannelInitializer pipeline() {
		Running running = this.running;
		return (running != null) ? running.pipeline() : null;
	}

	/**
	 * The audiences of the rooms events are emitted to.
	 * @return the audiences
	 */
	RoomAudiences audiences() {
		return this.audiences;
	}

	/**
	 * The open namespaces while running.
	 * @return the namespaces, none when stopped
	 */
	Collection<SocketIONamespace> namespaces() {
		Running running = this.running;
		return (running != null) ? running.namespaces().all() : List.of();
	}

	private record Running(SocketIOServer server, SocketIoNamespaces namespaces, AcpChannelInitializer pipeline,
			int port, Disposable sweeping) {

	}

	/**
	 * Builds an {@link AcpSocketIoServer}.
	 */
	public static final class Builder {

		private final SocketIoSettings settings;

		private final AcpAuthenticator authenticator;

		private final Supplier<AcpOperations> operations;

		private final ThreadStore store;

		private AcpBroadcaster broadcaster = new DefaultAcpBroadcaster();

		private @Nullable NamespaceConnectCheck namespaceCheck;

		private AcpMetrics metrics = AcpMetrics.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable SocketIoEventObservationConvention observationConvention;

		private Duration pingInterval = DEFAULT_PING_INTERVAL;

		private boolean websocketCompression;

		private Builder(SocketIoSettings settings, AcpAuthenticator authenticator, Supplier<AcpOperations> operations,
				ThreadStore store) {
			this.settings = settings;
			this.authenticator = authenticator;
			this.operations = operations;
			this.store = store;
		}

		/**
		 * Sets the broadcast funnel, the one the operations write through, so that a join
		 * is ordered after the writes before it.
		 * @param broadcaster the broadcaster
		 * @return this builder
		 */
		public Builder broadcaster(AcpBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
			return this;
		}

		/**
		 * Sets the namespace check of namespace mode.
		 * @param namespaceCheck the check, or {@code null} outside namespace mode
		 * @return this builder
		 */
		public Builder namespaceCheck(@Nullable NamespaceConnectCheck namespaceCheck) {
			this.namespaceCheck = namespaceCheck;
			return this;
		}

		/**
		 * Sets what receives the counts of connects and replays.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(AcpMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Sets the registry the events and namespace connects are observed in.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Sets the convention of the events' observations.
		 * @param observationConvention the convention, or {@code null} for the default
		 * one
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable SocketIoEventObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Sets how often the server pings each session (Engine.IO's {@code pingInterval},
		 * sent to the client in the OPEN packet), 25 seconds unless set. A long-polling
		 * request with nothing to deliver is answered at the next ping, so the bridge
		 * waits for a forwarded request this long and a margin.
		 * @param pingInterval the interval, from 1 ms to {@link Integer#MAX_VALUE} ms
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			if (pingInterval.toMillis() < 1 || pingInterval.toMillis() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException(
						"the ping interval must be from 1 ms to " + Integer.MAX_VALUE + " ms: " + pingInterval);
			}
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * Sets whether a WebSocket may negotiate the {@code permessage-deflate}
		 * extension, off unless set, as in Node's Socket.IO server: a socket that
		 * negotiates it holds a compressor of its own and every event is compressed for
		 * it alone.
		 * @param websocketCompression whether to accept the extension
		 * @return this builder
		 */
		public Builder websocketCompression(boolean websocketCompression) {
			this.websocketCompression = websocketCompression;
			return this;
		}

		/**
		 * Builds the server.
		 * @return the server, not yet started
		 */
		public AcpSocketIoServer build() {
			return new AcpSocketIoServer(this);
		}

	}

}
