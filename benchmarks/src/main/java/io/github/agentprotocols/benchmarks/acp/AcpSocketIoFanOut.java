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

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.NodeSocketIoRoom;
import io.github.agentprotocols.benchmarks.baseline.SocketIoRoomServer;
import io.github.agentprotocols.benchmarks.load.EngineIoSockets;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.Rounds;
import org.HdrHistogram.Histogram;

/**
 * POST → receipt latency across the sockets of one room ({@value #SOCKETS_PROPERTY},
 * default {@value #DEFAULT_SOCKETS}): one-part text messages POSTed to
 * {@code /acp/threads/{id}/messages}, a fixed number in flight, each timed from its POST
 * to the moment each socket joined to the thread reads its {@code event}; the report's
 * latencies are those of every receipt, its throughput the receipts per second. The same
 * sockets' workload runs through the application's port (its WebSockets served in place,
 * or through the bridge with {@value #UPGRADE_PROPERTY}{@code =bridge}) and through
 * netty-socketio's own port ({@code acp.socketio.port}), each with a room of its own.
 * Baseline: the same messages POSTed to {@link RawSocketIoRoutes#MESSAGES_PATH} of the
 * same server, which emits an object of the same size to a room of a bare netty-socketio
 * server ({@link SocketIoRoomServer}); the alternative a team would pick: Node.js
 * Socket.IO 4.8 ({@link NodeSocketIoRoom}), the messages POSTed to it. The sockets are
 * {@link EngineIoSockets}, raw Engine.IO WebSockets on {@value #CLIENT_THREADS} client
 * threads; how long each room took to connect and join, the file descriptors its server
 * holds per socket and the heap this process gained per socket are printed (the Node.js
 * room's heap is the client ends' alone, its server being another process, so a Java
 * room's heap per socket less the Node.js room's is its server's). In memory or on
 * PostgreSQL; alternating rounds (baseline, application port, direct port, Node.js).
 */
public final class AcpSocketIoFanOut implements LoadScenario {

	/** The system property of the number of sockets in each room. */
	static final String SOCKETS_PROPERTY = "bench.socketio.sockets";

	static final int DEFAULT_SOCKETS = 500;

	/**
	 * The system property of the application's {@code acp.socketio.websocket-upgrade}:
	 * {@code in-place} unless set.
	 */
	static final String UPGRADE_PROPERTY = "bench.socketio.websocket-upgrade";

	private static final int CLIENT_THREADS = 2;

	private static final String BODY = "{\"client_id\":\"%s\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}";

	private static final long MESSAGE_TIMEOUT_SECONDS = 30;

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
						"acp.socketio.websocket-upgrade=" + upgrade(),
						AcpBenchmarkApplication.RAW_SOCKETIO_PROPERTY + "=true");
				NodeSocketIoRoom node = NodeSocketIoRoom.start(AcpJson.write(AcpBenchmarkApplication.USER))) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			String base = "http://127.0.0.1:" + application.port();
			int direct = Objects.requireNonNull(application.context().getBean(AcpSocketIoServer.class).port());
			int raw = application.context().getBean(SocketIoRoomServer.class).port();
			String nodeBase = "http://127.0.0.1:" + node.port();
			try (Room baseline = Room.join(client, raw, AcpIds.thread(),
					base + RawSocketIoRoutes.MESSAGES_PATH.replace("{threadId}", "%s"), "raw", this.sockets,
					ProcessHandle.current());
					Room appPort = Room.join(client, application.port(), BenchThreads.create(store),
							base + "/acp/threads/%s/messages", "app", this.sockets, ProcessHandle.current());
					Room directly = Room.join(client, direct, BenchThreads.create(store),
							base + "/acp/threads/%s/messages", "dir", this.sockets, ProcessHandle.current());
					Room nodeRoom = Room.join(client, node.port(), AcpIds.thread(), nodeBase + "/threads/%s/messages",
							"node", this.sockets, node.process())) {
				List<Room> rooms = List.of(baseline, appPort, directly, nodeRoom);
				for (Room room : rooms) {
					room.deliver("warmup", driver, this.messages / 2);
				}
				System.out.printf("event packets read: raw %d, application port %d, direct %d, node %d characters%n",
						baseline.receipts.packetLength(), appPort.receipts.packetLength(),
						directly.receipts.packetLength(), nodeRoom.receipts.packetLength());
				rooms.forEach(Room::printConnection);
				String suffix = this.sockets + "-sockets-" + (this.postgres ? "postgres" : "memory") + "-c"
						+ this.inFlight;
				return Rounds.alternate(Rounds.count(),
						new Measurement("baseline-raw-netty-socketio-room-" + suffix,
								(name) -> baseline.deliver(name, driver, this.messages)),
						new Measurement("acp-post-to-receipt-app-port-" + upgrade() + "-" + suffix,
								(name) -> appPort.deliver(name, driver, this.messages)),
						new Measurement("acp-post-to-receipt-direct-" + suffix,
								(name) -> directly.deliver(name, driver, this.messages)),
						new Measurement("node-socketio-room-" + suffix,
								(name) -> nodeRoom.deliver(name, driver, this.messages)));
			}
		}
	}

	/**
	 * The heap in use after full collections.
	 */
	static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String upgrade() {
		return System.getProperty(UPGRADE_PROPERTY, "in-place");
	}

	private static int sockets() {
		return Integer.getInteger(SOCKETS_PROPERTY, DEFAULT_SOCKETS);
	}

	/**
	 * Sockets joined to one thread's room, and the POST that sends the thread a message.
	 */
	private static final class Room implements AutoCloseable {

		private final EngineIoSockets sockets;

		private final RoomReceipts receipts;

		private final Operation post;

		private final String name;

		private final Connection connection;

		private Room(EngineIoSockets sockets, RoomReceipts receipts, Operation post, String name,
				Connection connection) {
			this.sockets = sockets;
			this.receipts = receipts;
			this.post = post;
			this.name = name;
			this.connection = connection;
		}

		static Room join(HttpClient client, int port, String threadId, String messages, String clientIds, int count,
				ProcessHandle server) {
			RoomReceipts receipts = new RoomReceipts(count);
			long descriptors = AcpReconnectStorm.descriptors(server.pid());
			long heap = usedHeap();
			long start = System.nanoTime();
			EngineIoSockets sockets = EngineIoSockets.connect(URI.create("ws://127.0.0.1:" + port + "/socket.io/"),
					count, CLIENT_THREADS, receipts);
			sockets.emitFromEach(SocketIoRoomServer.JOIN, "{\"thread_id\":\"" + threadId + "\"}");
			long nanos = System.nanoTime() - start;
			Connection connection = new Connection(count, nanos,
					AcpReconnectStorm.descriptors(server.pid()) - descriptors, usedHeap() - heap,
					server.equals(ProcessHandle.current()));
			URI uri = URI.create(String.format(messages, threadId));
			AtomicLong sent = new AtomicLong();
			Operation post = () -> {
				String clientId = clientIds + "-" + sent.getAndIncrement();
				HttpRequest request = HttpRequest.newBuilder(uri)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, clientId)))
					.build();
				CompletableFuture<Void> received = receipts.expect(clientId, System.nanoTime());
				return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose((response) -> {
					if (response.statusCode() != 201) {
						throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
					}
					return received;
				}).orTimeout(MESSAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((done, failure) -> {
					if (failure != null) {
						receipts.abandon(clientId);
					}
				});
			};
			return new Room(sockets, receipts, post, clientIds, connection);
		}

		void printConnection() {
			System.out.printf(
					"%s: %d sockets connected and joined in %.2f s (%.0f/s), %.2f descriptors per socket "
							+ "on the server's side, this process's heap %.1f KiB per socket%n",
					this.name, this.connection.sockets(), this.connection.nanos() / 1e9, this.connection.perSecond(),
					this.connection.serverDescriptors(),
					this.connection.heapBytes() / 1024.0 / this.connection.sockets());
		}

		LatencyReport deliver(String name, LoadDriver driver, int messages) throws Exception {
			Histogram latencies = this.receipts.record();
			long start = System.nanoTime();
			driver.run(name, messages, this.post);
			return LatencyReport.of(name, latencies, this.receipts.missed(), System.nanoTime() - start);
		}

		@Override
		public void close() {
			this.sockets.close();
		}

	}

	/**
	 * How a room's sockets connected.
	 *
	 * @param sockets how many
	 * @param nanos the time they took to connect and join
	 * @param descriptors the file descriptors the server's process gained
	 * @param heapBytes the heap this process gained after a full collection: the sockets'
	 * client ends, and their server ends when the server runs in this process
	 * @param inProcess whether the server runs in this process, whose descriptors count
	 * the client's end of each socket too
	 */
	record Connection(int sockets, long nanos, long descriptors, long heapBytes, boolean inProcess) {

		double perSecond() {
			return this.sockets / (this.nanos / 1e9);
		}

		double serverDescriptors() {
			return (double) this.descriptors / this.sockets - (this.inProcess ? 1 : 0);
		}

	}

}
