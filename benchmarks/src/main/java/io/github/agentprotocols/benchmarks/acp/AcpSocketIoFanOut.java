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

package io.github.agentprotocols.benchmarks.acp;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.NodeSocketIoRoom;
import io.github.agentprotocols.benchmarks.acp.FanOutRoom.RoomServer;
import io.github.agentprotocols.benchmarks.baseline.SocketIoRoomServer;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.Rounds;

/**
 * POST → receipt latency across the sockets of one room ({@value #SOCKETS_PROPERTY},
 * default {@value #DEFAULT_SOCKETS}): one-part text messages POSTed to
 * {@code /acp/threads/{id}/messages}, a fixed number in flight, each timed from its POST
 * to the moment each socket joined to the thread reads its {@code event}; the report's
 * latencies are those of every receipt, its throughput the receipts per second. The same
 * sockets' workload runs through the application's port (its WebSockets served in place,
 * or through the bridge with {@value #APPLICATION_PORT_PROPERTY}{@code =bridge}) and
 * through netty-socketio's own port ({@code acp.socketio.port}), each with a room of its
 * own. Baseline: the same messages POSTed to {@link RawSocketIoRoutes#MESSAGES_PATH} of
 * the same server, which emits an object of the same size to a room of a bare
 * netty-socketio server ({@link SocketIoRoomServer}); the alternative a team would pick:
 * Node.js Socket.IO 4.8 ({@link NodeSocketIoRoom}), the messages POSTed to it. Each room
 * is a {@link FanOutRoom}; how long it took to connect and join, the file descriptors its
 * server holds per socket and the heap this process gained per socket are printed (the
 * Java rooms' servers run in this process; the Node.js room's heap is not measured). In
 * memory or on PostgreSQL; alternating rounds (baseline, application port, direct port,
 * Node.js).
 */
public final class AcpSocketIoFanOut implements LoadScenario {

	/** The system property of the number of sockets in each room. */
	static final String SOCKETS_PROPERTY = "bench.socketio.sockets";

	static final int DEFAULT_SOCKETS = 500;

	/**
	 * The system property of the application's {@code acp.socketio.application-port}:
	 * {@code in-place} unless set.
	 */
	static final String APPLICATION_PORT_PROPERTY = "bench.socketio.application-port";

	private final boolean postgres;

	private final int inFlight;

	private final int messages;

	private final int sockets;

	AcpSocketIoFanOut(boolean postgres, int inFlight, int messages, int sockets) {
		this.postgres = postgres;
		this.inFlight = inFlight;
		this.messages = messages;
		this.sockets = sockets;
	}

	/**
	 * The latency, one message in flight, with the in-memory store.
	 * @return the scenario
	 */
	public static AcpSocketIoFanOut latency() {
		return new AcpSocketIoFanOut(false, 1, 200, sockets());
	}

	/**
	 * The latency, one message in flight, with the PostgreSQL store.
	 * @return the scenario
	 */
	public static AcpSocketIoFanOut latencyOnPostgres() {
		return new AcpSocketIoFanOut(true, 1, 200, sockets());
	}

	/**
	 * The throughput, eight messages in flight, with the in-memory store.
	 * @return the scenario
	 */
	public static AcpSocketIoFanOut throughput() {
		return new AcpSocketIoFanOut(false, 8, 400, sockets());
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(this.inFlight, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (AcpBenchDatabase database = this.postgres ? AcpBenchDatabase.create() : null;
				Running application = AcpBenchmarkApplication.start(database, "acp.socketio.port=0",
						"acp.socketio.application-port=" + applicationPort(),
						AcpBenchmarkApplication.RAW_SOCKETIO_PROPERTY + "=true");
				NodeSocketIoRoom node = NodeSocketIoRoom.start(AcpJson.write(AcpBenchmarkApplication.USER))) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			String base = "http://127.0.0.1:" + application.port();
			int direct = Objects.requireNonNull(application.context().getBean(AcpSocketIoServer.class).port());
			int raw = application.context().getBean(SocketIoRoomServer.class).port();
			String nodeBase = "http://127.0.0.1:" + node.port();
			RoomServer here = RoomServer.thisProcess();
			try (FanOutRoom baseline = FanOutRoom.join(client, raw, AcpIds.thread(),
					base + RawSocketIoRoutes.MESSAGES_PATH.replace("{threadId}", "%s"), "raw", this.sockets, here);
					FanOutRoom appPort = FanOutRoom.join(client, application.port(), BenchThreads.create(store),
							base + "/acp/threads/%s/messages", "app", this.sockets, here);
					FanOutRoom directly = FanOutRoom.join(client, direct, BenchThreads.create(store),
							base + "/acp/threads/%s/messages", "dir", this.sockets, here);
					FanOutRoom nodeRoom = FanOutRoom.join(client, node.port(), AcpIds.thread(),
							nodeBase + "/threads/%s/messages", "node", this.sockets,
							new RoomServer(node.process(), null))) {
				List<FanOutRoom> rooms = List.of(baseline, appPort, directly, nodeRoom);
				for (FanOutRoom room : rooms) {
					room.deliver("warmup", driver, this.messages / 2);
				}
				System.out.printf("event packets read: raw %d, application port %d, direct %d, node %d characters%n",
						baseline.packetLength(), appPort.packetLength(), directly.packetLength(),
						nodeRoom.packetLength());
				rooms.forEach(FanOutRoom::printConnection);
				String suffix = this.sockets + "-sockets-" + (this.postgres ? "postgres" : "memory") + "-c"
						+ this.inFlight;
				return Rounds.alternate(Rounds.count(),
						new Measurement("baseline-raw-netty-socketio-room-" + suffix,
								(name) -> baseline.deliver(name, driver, this.messages)),
						new Measurement("acp-post-to-receipt-app-port-" + applicationPort() + "-" + suffix,
								(name) -> appPort.deliver(name, driver, this.messages)),
						new Measurement("acp-post-to-receipt-direct-" + suffix,
								(name) -> directly.deliver(name, driver, this.messages)),
						new Measurement("node-socketio-room-" + suffix,
								(name) -> nodeRoom.deliver(name, driver, this.messages)));
			}
		}
	}

	private static String applicationPort() {
		return System.getProperty(APPLICATION_PORT_PROPERTY, "in-place");
	}

	private static int sockets() {
		return Integer.getInteger(SOCKETS_PROPERTY, DEFAULT_SOCKETS);
	}

}
