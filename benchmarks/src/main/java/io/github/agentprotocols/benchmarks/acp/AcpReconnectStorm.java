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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.agentprotocols.benchmarks.acp.StormClients.Transport;
import io.github.agentprotocols.testsupport.ApplicationProcess;
import io.github.agentprotocols.testsupport.LoopbackPorts;

/**
 * A reconnect storm, as a deploy makes one: {@code clients} Socket.IO clients connect to
 * the ACP application (in memory, default settings, in a JVM of its own) at their own
 * pace, {@value #PACED_IN_FLIGHT} at a time; the application is stopped ({@code SIGTERM})
 * and a new one started on the same port; then every client reconnects at once, each
 * after a random delay up to the jitter (zero: all at once), retrying a failed attempt as
 * the official client does ({@link StormClients}). Measured: the 503 answers (at their
 * own pace and in the storm, and whether each was earned), the other errors, the time
 * until every client is back, and the server process's open descriptors before,
 * connected, after the restart, reconnected and once the clients closed. Loopback only;
 * every wait is bounded, so a run ends by itself.
 */
public final class AcpReconnectStorm {

	/**
	 * The system property of the transports of ACP's runs in {@link #onBothTransports}.
	 */
	static final String TRANSPORTS_PROPERTY = "bench.storm.transports";

	/** The header of the CSV lines of {@link #onBothTransports}. */
	public static final String CSV_HEADER = StormReport.CSV_HEADER;

	/**
	 * The default {@code acp.socketio.max-pending-connections}, which the storm runs
	 * with.
	 */
	static final int MAX_PENDING_CONNECTIONS = 1_000;

	/**
	 * Descriptors a server may open beyond its baseline for good (lazily opened jars).
	 */
	static final int DESCRIPTOR_SLACK = 32;

	private static final int PACED_IN_FLIGHT = 50;

	private static final Duration PACED_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern REFUSED = Pattern.compile("Refused (\\d+) Engine\\.IO handshake");

	private final Target target;

	private final Transport transport;

	private final int clients;

	private final Duration jitter;

	private final Duration stormTimeout;

	/**
	 * A storm.
	 * @param target the server
	 * @param transport the clients' transport
	 * @param clients how many clients
	 * @param jitter the longest random delay of a reconnection, zero for all at once
	 * @param stormTimeout the longest wait for every client to reconnect
	 */
	AcpReconnectStorm(Target target, Transport transport, int clients, Duration jitter, Duration stormTimeout) {
		this.target = target;
		this.transport = transport;
		this.clients = clients;
		this.jitter = jitter;
		this.stormTimeout = stormTimeout;
	}

	/**
	 * Run a storm against the bare netty-socketio server ({@link RawStormServer}) on
	 * WebSocket, the baseline, then against ACP on WebSocket and on long-polling (or the
	 * transports of {@value #TRANSPORTS_PROPERTY}). The baseline has no long-polling run:
	 * the bare server leaves this driver's namespace connect unanswered when it is POSTed
	 * on the connection of the session's handshake.
	 * @param clients how many clients
	 * @param jitter the longest random delay of a reconnection, zero for all at once
	 * @param stormTimeout the longest wait for every client to reconnect
	 * @return a CSV line of each, with the header {@link #CSV_HEADER}, ACP's time to all
	 * reconnected on WebSocket divided by the baseline's
	 */
	public static List<String> onBothTransports(int clients, Duration jitter, Duration stormTimeout)
			throws InterruptedException {
		List<String> lines = new ArrayList<>();
		StormReport baseline = new AcpReconnectStorm(Target.RAW_NETTY_SOCKETIO, Transport.WEBSOCKET, clients, jitter,
				stormTimeout)
			.run();
		lines.add(baseline.toCsv(baseline));
		for (Transport transport : transports()) {
			StormReport storm = new AcpReconnectStorm(Target.ACP, transport, clients, jitter, stormTimeout).run();
			lines.add(storm.toCsv((transport == Transport.WEBSOCKET) ? baseline : null));
		}
		return lines;
	}

	/**
	 * The transports of ACP's runs: {@value #TRANSPORTS_PROPERTY} (comma-separated,
	 * {@code websocket}, {@code polling}), both by default.
	 */
	private static List<Transport> transports() {
		String names = System.getProperty(TRANSPORTS_PROPERTY, "websocket,polling");
		return Arrays.stream(names.split(","))
			.map((name) -> Transport.valueOf(name.trim().toUpperCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * Run the storm.
	 * @return what it measured
	 */
	public StormReport run() throws InterruptedException {
		String name = "storm-" + this.target.name().toLowerCase() + "-" + this.transport.name().toLowerCase() + "-"
				+ this.clients;
		int port = LoopbackPorts.free();
		ApplicationProcess first = this.target.start(name + "-before", port);
		ApplicationProcess second = null;
		try (StormClients sockets = new StormClients(this.transport, port, this.clients, MAX_PENDING_CONNECTIONS)) {
			long limit = descriptorLimit(first.pid());
			long before = descriptors(first.pid());
			sockets.connectAtOwnPace(PACED_IN_FLIGHT, PACED_TIMEOUT);
			int pacedRefusals = sockets.refusals();
			int connectedBefore = sockets.connected();
			long connected = descriptors(first.pid());
			sockets.holdReconnections();
			stop(first);
			if (!StormClients.await(() -> sockets.connected() == 0, STOP_TIMEOUT)) {
				throw new IllegalStateException(sockets.connected() + " clients still connected to a stopped server");
			}
			second = this.target.start(name + "-after", port);
			long restarted = descriptors(second.pid());
			long released = System.nanoTime();
			sockets.release(this.jitter);
			boolean all = StormClients.await(() -> sockets.connected() == this.clients, this.stormTimeout);
			Duration timeToAll = all ? Duration.ofNanos(sockets.lastConnectNanos() - released) : null;
			int reconnected = sockets.connected();
			long reconnectedDescriptors = descriptors(second.pid());
			int refusals = sockets.refusals() - pacedRefusals;
			ApplicationProcess server = second;
			// the server reports its refusals at most once every 10 s
			StormClients.await(() -> loggedRefusals(server) >= refusals, Duration.ofSeconds((refusals > 0) ? 15 : 0));
			sockets.close();
			StormClients.await(() -> descriptors(server.pid()) <= restarted + DESCRIPTOR_SLACK, Duration.ofSeconds(30));
			return new StormReport(this.target.name().toLowerCase(), this.transport, this.clients, this.jitter,
					MAX_PENDING_CONNECTIONS, pacedRefusals, connectedBefore, reconnected, refusals,
					sockets.unearnedRefusals(), loggedRefusals(second), sockets.peakOutstanding(), sockets.errors(),
					timeToAll, limit, before, connected, restarted, reconnectedDescriptors, descriptors(second.pid()));
		}
		finally {
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	/**
	 * Stop a server as a deploy does, with {@code SIGTERM}, and wait until it is gone.
	 */
	private static void stop(ApplicationProcess server) {
		ProcessHandle.of(server.pid()).ifPresent((process) -> {
			process.destroy();
			try {
				process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				System.out.println(server + " did not stop in " + STOP_TIMEOUT + " of SIGTERM: killed");
			}
		});
		server.kill();
	}

	private static int loggedRefusals(ApplicationProcess server) {
		int refused = 0;
		for (String line : server.logLines()) {
			Matcher matcher = REFUSED.matcher(line);
			if (matcher.find()) {
				refused += Integer.parseInt(matcher.group(1));
			}
		}
		return refused;
	}

	/**
	 * The open file descriptors of a process.
	 * @param pid the process
	 * @return how many
	 */
	static long descriptors(long pid) {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			return descriptors.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long descriptorLimit(long pid) {
		try {
			List<String> limits = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits"));
			return limits.stream()
				.filter((line) -> line.startsWith("Max open files"))
				.map((line) -> line.substring("Max open files".length()).trim().split("\\s+")[0])
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The servers a storm runs against.
	 */
	enum Target {

		/** The ACP application, in memory, with the starter's defaults. */
		ACP {

			@Override
			ApplicationProcess start(String name, int port) {
				return ApplicationProcess.start(name, AcpBenchmarkApplication.class,
						AcpBenchmarkApplication.properties(null, "server.port=" + port));
			}

		},

		/** The bare netty-socketio server, the baseline. */
		RAW_NETTY_SOCKETIO {

			@Override
			ApplicationProcess start(String name, int port) {
				return ApplicationProcess.start(name, RawStormServer.class, "spring.main.web-application-type=none",
						RawStormServer.PORT_PROPERTY + "=" + port);
			}

		};

		abstract ApplicationProcess start(String name, int port);

	}

}
