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

package io.github.agentprotocols.benchmarks.hpp;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;
import io.github.agentprotocols.benchmarks.load.MemoryReport;
import io.github.agentprotocols.benchmarks.load.WebSocketWatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heap per idle WebSocket session: a server JVM limited to {@value #MAX_HEAP_MB} MB holds
 * {@value #CONNECTIONS} HPP sessions, each with its browser WebSocket open. Baseline: the
 * same number of idle connections to the bare WebSocket echo of the same server. Goal:
 * the server holds them all within its heap.
 * <p>
 * Besides the figures, the server's class histogram ({@code jcmd <pid>
 * GC.class_histogram}, live objects) is written to {@value #HISTOGRAMS} at each step:
 * {@code 0-started.txt}, {@code 1-echo-open.txt} with the echo connections open and
 * {@code 2-hpp-open.txt} with the sessions open, so that the two can be compared class by
 * class.
 */
public final class HppIdleHeap {

	static final int CONNECTIONS = 10_000;

	static final int MAX_HEAP_MB = 512;

	static final String HISTOGRAMS = "target/hpp-idle-heap";

	private static final int BATCH = 200;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Run the scenario in a fresh server JVM.
	 * @return the baseline report, then HPP's
	 * @throws Exception if the server fails or runs out of heap
	 */
	public List<MemoryReport> run() throws Exception {
		int port = freePort();
		Process server = startServer(port);
		try {
			String base = "127.0.0.1:" + port;
			awaitUp(base);
			long maxHeap = MAX_HEAP_MB * 1024L * 1024L;
			long before = heapUsed(base);
			histogram(server, "0-started");
			List<WebSocketWatcher> echoes = open(CONNECTIONS,
					(i) -> CompletableFuture.supplyAsync(() -> WebSocketWatcher.openNoGreeting(this.client,
							URI.create("ws://" + base + BaselineRoutes.ECHO_PATH))));
			MemoryReport baseline = new MemoryReport("baseline-idle-websocket-echo", CONNECTIONS, before,
					heapUsed(base), maxHeap);
			histogram(server, "1-echo-open");
			echoes.forEach(WebSocketWatcher::close);
			Thread.sleep(2000);
			HppAgent agent = new HppAgent(this.client, port);
			long beforeSessions = heapUsed(base);
			List<WebSocketWatcher> sessions = open(CONNECTIONS, (i) -> CompletableFuture.supplyAsync(() -> {
				try {
					HppAgent.Session session = agent.create(HppAgent.TEN_FIELD_SCHEMA);
					return WebSocketWatcher.open(this.client, agent.webSocket(session), "\"connected\"");
				}
				catch (IOException | InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			MemoryReport hpp = new MemoryReport("hpp-idle-session-with-websocket", CONNECTIONS, beforeSessions,
					heapUsed(base), maxHeap);
			histogram(server, "2-hpp-open");
			sessions.forEach(WebSocketWatcher::close);
			if (!server.isAlive()) {
				throw new IllegalStateException("server died holding the sessions");
			}
			return List.of(baseline, hpp);
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static List<WebSocketWatcher> open(int count,
			java.util.function.IntFunction<CompletableFuture<WebSocketWatcher>> opener) {
		List<WebSocketWatcher> open = new ArrayList<>(count);
		for (int start = 0; start < count; start += BATCH) {
			List<CompletableFuture<WebSocketWatcher>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(count, start + BATCH); i++) {
				batch.add(opener.apply(i));
			}
			batch.forEach((future) -> open.add(future.orTimeout(60, TimeUnit.SECONDS).join()));
		}
		return open;
	}

	private static void histogram(Process server, String name) throws IOException, InterruptedException {
		File folder = new File(HISTOGRAMS);
		folder.mkdirs();
		String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
		Process histogram = new ProcessBuilder(jcmd, Long.toString(server.pid()), "GC.class_histogram")
			.redirectErrorStream(true)
			.redirectOutput(new File(folder, name + ".txt"))
			.start();
		if (!histogram.waitFor(60, TimeUnit.SECONDS)) {
			histogram.destroy();
		}
	}

	private static Process startServer(int port) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		return new ProcessBuilder(java, "-Xmx" + MAX_HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
				HppBenchmarkApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private void awaitUp(String base) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				heapUsed(base);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("benchmark server did not start within 90 s");
	}

	private long heapUsed(String base) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(URI.create("http://" + base + HppBenchmarkApplication.HEAP_PATH)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).get("heapUsed").asLong();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
