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

package io.github.agentprotocols.happy.test;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import io.github.agentprotocols.commons.socketio.SocketIoServers;
import org.jspecify.annotations.Nullable;

/**
 * A fake Happy server on a loopback port, for tests of Happy clients: the REST API of
 * spec §4 (signed-challenge login, sessions, messages, machines, with the server's status
 * codes and error bodies) and, on the same port at path {@code /v1/updates}, the
 * Socket.IO v4 API of §5 and §6 (client types, updates and ephemerals, versioned metadata
 * and agent state, RPC routing with the server's error texts and waits), plus the fault
 * knobs of {@link #faults()}.
 * <p>
 * Start one with {@link #start()} or {@link #builder()}, point the client at
 * {@link #url()} with a token from {@code POST /v1/auth} (or {@link HappyTestAccount}),
 * and {@link #close()} it when done. State lives in memory; accounts, sessions and
 * machines are kept until the server is closed.
 */
public final class FakeHappyServer implements AutoCloseable {

	/** The Socket.IO path (spec §5.1). */
	public static final String SOCKET_PATH = "/v1/updates";

	private static final int MAX_SOCKET_PAYLOAD = 1_000_000;

	private static final int MAX_HTTP_BODY = 16 * 1024 * 1024;

	private final Clock clock;

	private final Tokens tokens;

	private final Accounts accounts;

	private final Sessions sessions;

	private final Machines machines;

	private final Broadcasts broadcasts;

	private final SocketRegistry sockets = new SocketRegistry();

	private final InboundPackets inbound = new InboundPackets();

	private final RequestLog requests = new RequestLog();

	private final FakeHappyFaults faults;

	private final ScheduledExecutorService timer;

	private final SocketIOServer server;

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	private FakeHappyServer(Builder builder) {
		this.clock = builder.clock;
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fake-happy-timer");
			thread.setDaemon(true);
			return thread;
		});
		Ids ids = new Ids();
		this.tokens = new Tokens(this.clock);
		this.accounts = new Accounts(this.clock, ids);
		RpcRouter[] rpc = new RpcRouter[1];
		Sessions[] sessions = new Sessions[1];
		this.faults = new FakeHappyFaults(() -> rpc[0].dispatchWaiting(), () -> sessions[0].releaseHeldMessages());
		this.broadcasts = new Broadcasts(this.sockets, this.accounts, ids, this.clock);
		this.sessions = new Sessions(this.clock, ids, this.broadcasts, this.faults);
		sessions[0] = this.sessions;
		this.machines = new Machines(this.clock, this.broadcasts);
		rpc[0] = new RpcRouter(this.sockets, this.faults, this.timer, builder.rpcTimings, this.inbound);
		RestApi api = new RestApi(this.clock, this.tokens, this.accounts, this.sessions, this.machines);
		this.server = SocketIoServers.create(configuration(),
				(created) -> new SocketChannelInitializer(new RestChannelHandler(SOCKET_PATH, api, this.faults),
						this.inbound, this.requests));
		new SocketEvents(this.tokens, this.accounts, this.sessions, this.machines, rpc[0], this.sockets, this.inbound,
				this.faults)
			.listen(this.server.getNamespace(""));
		try {
			this.port = SocketIoServers.boundPort(this.server.startAsync().syncUninterruptibly());
		}
		catch (RuntimeException ex) {
			SocketIoServers.stop(this.server);
			this.timer.shutdownNow();
			throw ex;
		}
		if (!builder.sweepInterval.isZero()) {
			long interval = builder.sweepInterval.toMillis();
			this.timer.scheduleAtFixedRate(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
		}
	}

	private static Configuration configuration() {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		configuration.setPort(0);
		configuration.setContext(SOCKET_PATH);
		configuration.setAllowCustomRequests(true);
		configuration.setTransports(Transport.WEBSOCKET, Transport.POLLING);
		configuration.setJsonSupport(new SocketJsonSupport());
		configuration.setExceptionListener(new SocketExceptionListener());
		configuration.setAckMode(AckMode.MANUAL);
		configuration.setRandomSession(true);
		configuration.setAddVersionHeader(false);
		// Engine.IO, under the hosted server's Socket.IO, negotiates no
		// permessage-deflate
		// unless told to: a client's frames are then never held by its deflater.
		configuration.setWebsocketCompression(false);
		configuration.setPingInterval(15_000);
		configuration.setPingTimeout(45_000);
		configuration.setMaxFramePayloadLength(MAX_SOCKET_PAYLOAD);
		configuration.setMaxHttpContentLength(MAX_HTTP_BODY);
		configuration.setBossThreads(1);
		configuration.setWorkerThreads(2);
		configuration.setAuthorizationListener(
				(handshake) -> new AuthorizationResult("4".equals(handshake.getSingleUrlParam("EIO"))));
		SocketConfig socket = new SocketConfig();
		socket.setReuseAddress(true);
		configuration.setSocketConfig(socket);
		return configuration;
	}

	/**
	 * Start a fake with the defaults of {@link Builder}.
	 * @return the running fake
	 */
	public static FakeHappyServer start() {
		return builder().start();
	}

	/**
	 * A builder for a fake with non-default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The server URL clients are configured with ({@code HAPPY_SERVER_URL}); REST and
	 * Socket.IO share it.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The port the fake listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The fault knobs.
	 * @return the knobs
	 */
	public FakeHappyFaults faults() {
		return this.faults;
	}

	/**
	 * A token for the account of an Ed25519 public key, creating the account on first
	 * use, as {@code POST /v1/auth} would answer but without a signed challenge.
	 * @param publicKey the raw 32-byte public key
	 * @return the token
	 */
	public String issueToken(byte[] publicKey) {
		return this.tokens.issue(this.accounts.upsert(HexFormat.of().formatHex(publicKey)));
	}

	/**
	 * The account a token belongs to.
	 * @param token a token
	 * @return the account id, or {@code null} if this server did not issue the token
	 */
	public @Nullable String accountId(String token) {
		String account = this.tokens.accountOf(token);
		return (account != null && this.accounts.exists(account)) ? account : null;
	}

	/**
	 * Run the server's inactivity sweep now (it also runs periodically, see
	 * {@link Builder#sweepInterval}): sessions and machines without a heartbeat for 10
	 * minutes of the fake's clock become inactive and the user-scoped sockets are told.
	 */
	public void sweep() {
		this.sessions.sweep();
		this.machines.sweep();
	}

	/**
	 * How many authenticated sockets are connected, of every type.
	 * @return the count
	 */
	public int connectedSockets() {
		return this.sockets.all().size();
	}

	/**
	 * How many authenticated sockets of a client type are connected.
	 * @param type the client type
	 * @return the count
	 */
	public int connectedSockets(ClientType type) {
		return (int) this.sockets.all().stream().filter((connection) -> connection.type() == type).count();
	}

	/**
	 * Drop every connected socket of a client type at the transport level, as a network
	 * failure would: clients see their connection close and may reconnect.
	 * @param type the client type
	 * @return how many sockets were dropped
	 */
	public int dropSockets(ClientType type) {
		int dropped = 0;
		for (SocketConnection connection : this.sockets.all()) {
			if (connection.type() == type) {
				this.inbound.drop(connection.socketId());
				dropped++;
			}
		}
		return dropped;
	}

	/**
	 * Send a {@code session-event} ephemeral (spec §5.3), as the server does when an
	 * agent raises a push notification: to the session's sockets and the user-scoped
	 * ones.
	 * @param token a token of the session's account
	 * @param sessionId the session id
	 * @param kind {@code done}, {@code permission} or {@code question}
	 * @param title the title
	 * @param body the body
	 */
	public void emitSessionEvent(String token, String sessionId, String kind, String title, String body) {
		String account = accountId(token);
		if (account == null) {
			throw new IllegalArgumentException("Unknown token");
		}
		this.broadcasts.ephemeral(account, Recipients.session(sessionId), Json.object("type", "session-event",
				"sessionId", sessionId, "kind", kind, "title", title, "body", body, "timestamp", this.clock.millis()));
	}

	/**
	 * Send an event with any payload to every socket of an account, as a faulty or
	 * hostile server could: for tests of what a client does with an event it cannot use.
	 * @param token a token of the account
	 * @param event the event, such as {@code update} or {@code ephemeral}
	 * @param payload the payload, a JSON value as maps, lists, strings, numbers, booleans
	 * or {@code null}
	 */
	public void emitEvent(String token, String event, @Nullable Object payload) {
		String account = accountId(token);
		if (account == null) {
			throw new IllegalArgumentException("Unknown token");
		}
		this.broadcasts.any(account, event, payload);
	}

	/**
	 * The HTTP requests received since the start or the last {@link #reset()}, oldest
	 * first (the latest 1,000): REST calls and the handshakes of Socket.IO connections,
	 * to check what a client asked for.
	 * @return the requests
	 */
	public List<ReceivedRequest> requests() {
		return this.requests.requests();
	}

	/**
	 * The {@link #requests() requests} received with their headers, oldest first.
	 * @return the requests' headers
	 */
	public List<ReceivedHeaders> receivedHeaders() {
		return this.requests.headers();
	}

	/**
	 * Turn every fault off and forget the {@link #requests() requests} received.
	 * Accounts, sessions and machines stay.
	 */
	public void reset() {
		this.faults.reset();
		this.requests.clear();
	}

	/**
	 * Stop the server: closes every connection and stops the fake's threads. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.timer.shutdownNow();
		SocketIoServers.stop(this.server);
	}

	/**
	 * Settings of a {@link FakeHappyServer}.
	 */
	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private RpcTimings rpcTimings = RpcTimings.defaults();

		private Duration sweepInterval = Duration.ofMinutes(1);

		private Builder() {
		}

		/**
		 * The clock for every timestamp, the 15-minute active window, heartbeat times and
		 * the inactivity sweep (default the system UTC clock). The RPC waits are real
		 * time.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The RPC waits (default the server's, {@link RpcTimings#defaults()}).
		 * @param rpcTimings the waits
		 * @return this builder
		 */
		public Builder rpcTimings(RpcTimings rpcTimings) {
			this.rpcTimings = rpcTimings;
			return this;
		}

		/**
		 * How often the inactivity sweep runs in real time (default every minute, as the
		 * server); {@link Duration#ZERO} turns it off, leaving
		 * {@link FakeHappyServer#sweep()} to the test.
		 * @param sweepInterval the interval
		 * @return this builder
		 */
		public Builder sweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
			return this;
		}

		/**
		 * Start the fake on a random loopback port.
		 * @return the running fake
		 */
		public FakeHappyServer start() {
			return new FakeHappyServer(this);
		}

	}

}
