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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.github.agentprotocols.benchmarks.acp.FanOutRoom.Connection;
import io.github.agentprotocols.benchmarks.acp.FanOutRoom.RoomServer;
import io.github.agentprotocols.benchmarks.baseline.NodeSocketIoRoom;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.testsupport.ApplicationProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AcpSocketIoFanOut}'s rooms at the sizes one process of a driver cannot hold
 * beside its servers ({@value #SIZES_PROPERTY}, default {@value #DEFAULT_SIZES} sockets):
 * the ACP application runs in a JVM of its own ({@value #SERVER_HEAP}
 * {@value #SERVER_INITIAL_HEAP}, the JIT's defaults), with its WebSockets served in place
 * on its port and the bare netty-socketio room beside it ({@link RawSocketIoRoutes}), and
 * the Node.js Socket.IO 4.8 room in its process. Each round connects one room at a time,
 * the raw netty-socketio room, the application's port, Node.js, so that the driver's
 * process holds one room's client ends: it joins the sockets (timed, with the descriptors
 * and, for the Java rooms, the heap its server gained, asked of the server after full
 * collections), POSTs {@value #WARMUP_MESSAGES} messages to warm up and then the measured
 * ones, one in flight, each timed to every socket's receipt, and closes the sockets,
 * waiting for the server to release their descriptors. An unrecorded round of each room
 * at the first size warms the servers up; then alternating rounds for each size.
 */
public final class AcpSocketIoLargeRooms implements LoadScenario {

	/** The system property of the rooms' sizes, comma-separated. */
	static final String SIZES_PROPERTY = "bench.socketio.scale";

	static final String DEFAULT_SIZES = "5000,10000";

	static final String SERVER_HEAP = "-Xmx512m";

	/**
	 * The server's initial heap, its maximum: the heap probe's full collections would
	 * otherwise shrink it just before a room connects, and the connections' allocations
	 * would run into collections while it grew back.
	 */
	static final String SERVER_INITIAL_HEAP = "-Xms512m";

	/**
	 * The system property of further JVM flags for the server's process, space-separated
	 * (a profiler's, say).
	 */
	static final String SERVER_FLAGS_PROPERTY = "bench.socketio.server-flags";

	private static final int WARMUP_MESSAGES = 20;

	private static final int REQUEST_PATH_WARMUP_SOCKETS = 10;

	private static final int DESCRIPTOR_SLACK = 64;

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final List<Integer> sizes;

	private final int messages;

	private final int rounds;

	private final Warmup warmup;

	private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();

	AcpSocketIoLargeRooms(List<Integer> sizes, int messages, int rounds, Warmup warmup) {
		this.sizes = List.copyOf(sizes);
		this.messages = messages;
		this.rounds = rounds;
		this.warmup = warmup;
	}

	/**
	 * The latency at each size, 60 messages a round.
	 * @return the scenario
	 */
	public static AcpSocketIoLargeRooms latency() {
		List<Integer> sizes = Arrays.stream(System.getProperty(SIZES_PROPERTY, DEFAULT_SIZES).split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		return new AcpSocketIoLargeRooms(sizes, 60, Rounds.count(), Warmup.STEADY_STATE);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(1, Duration.ofMinutes(3));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (ApplicationProcess application = ApplicationProcess.start("fan-out-at-scale", serverFlags(),
				AcpBenchmarkApplication.class,
				AcpBenchmarkApplication.properties(null, "server.port=0", "acp.socketio.application-port=in-place",
						AcpBenchmarkApplication.RAW_SOCKETIO_PROPERTY + "=true"));
				NodeSocketIoRoom node = NodeSocketIoRoom.start(AcpJson.write(AcpBenchmarkApplication.USER))) {
			String base = "http://127.0.0.1:" + application.port();
			RoomServer java = new RoomServer(ProcessHandle.of(application.pid()).orElseThrow(),
					heapOf(client, base + AcpBenchmarkApplication.HEAP_PATH));
			int raw = Integer.parseInt(get(client, base + RawSocketIoRoutes.PORT_PATH));
			List<Target> targets = List.of(
					new Target("baseline-raw-netty-socketio-room", "raw", raw, AcpIds::thread,
							base + RawSocketIoRoutes.MESSAGES_PATH.replace("{threadId}", "%s"), java),
					new Target("acp-post-to-receipt-app-port-in-place", "app", application.port(),
							() -> newThread(client, base), base + "/acp/threads/%s/messages", java),
					new Target("node-socketio-room", "node", node.port(), AcpIds::thread,
							"http://127.0.0.1:" + node.port() + "/threads/%s/messages",
							new RoomServer(node.process(), null)));
			warmUp(targets, driver, client, () -> Long.parseLong(get(client, base + AcpBenchmarkApplication.JIT_PATH)));
			List<LatencyReport> reports = new ArrayList<>();
			for (int size : this.sizes) {
				List<Measurement> measurements = new ArrayList<>();
				for (Target target : targets) {
					measurements.add(new Measurement(target.name() + "-" + size + "-sockets-memory-c1",
							(name) -> round(target, size, name, driver, client)));
				}
				reports.addAll(Rounds.alternate(this.rounds, measurements.toArray(Measurement[]::new)));
			}
			return reports;
		}
	}

	private LatencyReport round(Target target, int size, String name, LoadDriver driver, HttpClient client)
			throws Exception {
		return withRoom(target, size, client, (room) -> {
			this.connections.computeIfAbsent(target.name(), (key) -> new ArrayList<>()).add(room.connection());
			room.deliver(target.name() + "-warmup", driver, WARMUP_MESSAGES);
			return room.deliver(name, driver, this.messages);
		});
	}

	/**
	 * Warms every server up: its request path in a small room, then rooms of the first
	 * size, connected, used and closed, until the Java server's compilers take less than
	 * the warm-up's share of a round (a JVM compiles for minutes on two cores; measured
	 * while it does, its rooms ran up to twice as slow as at steady state) or the
	 * warm-up's limit of rounds.
	 */
	private void warmUp(List<Target> targets, LoadDriver driver, HttpClient client, LongSupplier compiledMillis)
			throws Exception {
		for (Target target : targets) {
			if (this.warmup.requestPathMessages() > 0) {
				warmUp(target, REQUEST_PATH_WARMUP_SOCKETS, this.warmup.requestPathMessages(), driver, client);
			}
		}
		int size = this.sizes.get(0);
		for (int round = 1;; round++) {
			long compiled = compiledMillis.getAsLong();
			long start = System.nanoTime();
			for (Target target : targets) {
				warmUp(target, size, WARMUP_MESSAGES + this.messages, driver, client);
			}
			double share = (compiledMillis.getAsLong() - compiled)
					/ (double) Math.max(1, Duration.ofNanos(System.nanoTime() - start).toMillis());
			if (share < this.warmup.compilingShare() || round >= this.warmup.maxRounds()) {
				System.out.printf(
						"warm-up: %d round(s) of %d sockets a room; the Java server's compilers took %.0f %% "
								+ "of the last (steady state under %.0f %%)%n",
						round, size, share * 100, this.warmup.compilingShare() * 100);
				return;
			}
		}
	}

	private void warmUp(Target target, int size, int messages, LoadDriver driver, HttpClient client) throws Exception {
		withRoom(target, size, client, (room) -> room.deliver(target.name() + "-warmup", driver, messages));
	}

	/**
	 * Joins a room, uses it, closes it and waits until its server released the
	 * descriptors of its sockets.
	 */
	private LatencyReport withRoom(Target target, int size, HttpClient client, RoomUse use) throws Exception {
		long idle = AcpReconnectStorm.descriptors(target.server().process().pid());
		try (FanOutRoom room = FanOutRoom.join(client, target.port(), target.thread().get(), target.messages(),
				target.clientIds(), size, target.server())) {
			room.printConnection();
			return use.deliver(room);
		}
		finally {
			long pid = target.server().process().pid();
			if (!StormClients.await(() -> AcpReconnectStorm.descriptors(pid) <= idle + DESCRIPTOR_SLACK,
					RELEASE_TIMEOUT)) {
				throw new IllegalStateException(target.name() + " kept " + (AcpReconnectStorm.descriptors(pid) - idle)
						+ " descriptors of closed sockets for " + RELEASE_TIMEOUT);
			}
		}
	}

	/**
	 * How each room's sockets connected, in the order of the rounds.
	 * @return the connections by measurement name, without the room's size
	 */
	Map<String, List<Connection>> connections() {
		return this.connections;
	}

	private static List<String> serverFlags() {
		List<String> flags = new ArrayList<>(List.of(SERVER_HEAP, SERVER_INITIAL_HEAP));
		String more = System.getProperty(SERVER_FLAGS_PROPERTY, "").trim();
		if (!more.isEmpty()) {
			flags.addAll(List.of(more.split("\\s+")));
		}
		return flags;
	}

	private static String newThread(HttpClient client, String base) {
		String body = send(client,
				HttpRequest.newBuilder(URI.create(base + "/acp/threads"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(),
				201);
		return mapper.readTree(body).required("id").asString();
	}

	private static LongSupplier heapOf(HttpClient client, String uri) {
		return () -> Long.parseLong(get(client, uri));
	}

	private static String get(HttpClient client, String uri) {
		return send(client, HttpRequest.newBuilder(URI.create(uri)).build(), 200);
	}

	private static String send(HttpClient client, HttpRequest request, int status) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != status) {
				throw new IllegalStateException(
						request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a round does with its joined room.
	 */
	@FunctionalInterface
	private interface RoomUse {

		LatencyReport deliver(FanOutRoom room) throws Exception;

	}

	/**
	 * A server's room.
	 *
	 * @param name the measurement's name
	 * @param clientIds the prefix of its messages' client ids
	 * @param port the Socket.IO port
	 * @param thread makes a thread, the room's
	 * @param messages the URI of a thread's messages, {@code %s} for its id
	 * @param server the process serving it
	 */
	private record Target(String name, String clientIds, int port, Supplier<String> thread, String messages,
			RoomServer server) {

	}

	/**
	 * How the servers are warmed up before anything is measured.
	 *
	 * @param requestPathMessages messages posted to a small room of each server first, so
	 * that its request path runs compiled; none to skip
	 * @param maxRounds the most rounds of rooms of the first size
	 * @param compilingShare the share of a round's time below which the Java server's
	 * compilers are taken as settled
	 */
	record Warmup(int requestPathMessages, int maxRounds, double compilingShare) {

		/** Until the Java server's compilers take under 5 % of a round, at most 40. */
		static final Warmup STEADY_STATE = new Warmup(3000, 40, 0.05);

	}

}
