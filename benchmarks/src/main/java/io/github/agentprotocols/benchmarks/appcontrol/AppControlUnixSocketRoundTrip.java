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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.ProcessorTimePerRequest;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;

/**
 * The service host's {@code run} round trip over its two transports, the Unix domain
 * socket ({@link UnixSocketAppControlClient}, one connection per request as spec §8
 * frames it) and HTTP ({@link HttpAppControlClient} with the HTTP client it builds
 * itself), both to the same host in the same application, with the same command, threads
 * and concurrency. Baseline: a raw Unix-socket echo of the same request bytes (connect,
 * one line out, the line back, close) on a bare thread-per-connection server, so each
 * figure is a ratio to it. The HTTP figure has a baseline of its own: the same client
 * calling the {@linkplain MinimalRunRoute least WebFlux handler doing the same work} on
 * the same server. The four are measured in alternating rounds ({@link Rounds}), so a
 * change of the machine's load during the run weighs on all of them alike. Each round's
 * processor time per request is written beside the latencies
 * ({@link ProcessorTimePerRequest}).
 */
public final class AppControlUnixSocketRoundTrip implements LoadScenario {

	private static final int REQUESTS = 10_000;

	private static final int CONCURRENCY = 8;

	private static final int WARMUP_REQUESTS = REQUESTS / 4;

	private static final int SETTLED_PERCENT = 5;

	private static final int MAX_WARMUP_PASSES = 40;

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(CONCURRENCY, Duration.ofMinutes(3));
		ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
		Path folder = Files.createTempDirectory("appcontrol-bench");
		Path serviceSocket = folder.resolve("service.sock");
		Path echoSocket = folder.resolve("echo.sock");
		try (Running application = AppControlServiceApplication
			.start("app-control.service.socket-path=" + serviceSocket);
				UnixSocketEchoServer echo = UnixSocketEchoServer.start(echoSocket)) {
			byte[] line = (ServiceRequest.run(ToolCommandParseBenchmark.COMMAND, AppControlServiceApplication.TOKEN)
				.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
			Operation baseline = AppControlServiceRoundTrip.blocking(threads,
					() -> UnixSocketEchoServer.roundTrip(echoSocket, line));
			UnixSocketAppControlClient unix = new UnixSocketAppControlClient(serviceSocket,
					AppControlServiceApplication.TOKEN, Duration.ofSeconds(30), ProtocolSchemas.shared());
			Operation overUnixSocket = AppControlServiceRoundTrip.blocking(threads,
					() -> unix.runCommand(ToolCommandParseBenchmark.COMMAND, null));
			String server = "http://127.0.0.1:" + application.port();
			Operation overMinimalHandler = runOverHttp(threads, server + MinimalRunRoute.PATH);
			Operation overHttpRun = runOverHttp(threads, server + "/app-control/service");
			warmUp(driver, baseline, overUnixSocket, overMinimalHandler, overHttpRun);
			ProcessorTimePerRequest cpu = ProcessorTimePerRequest.of("client_callers", "pool-", "jdk_http_client",
					"HttpClient-", "netty_event_loops", "reactor-http-", "host_command_threads", "app-control-service",
					"host_unix_socket_threads", "app-control-unix-socket", "bounded_elastic", "boundedElastic-",
					"reactor_parallel", "parallel-", "echo_server", "unix-socket-echo");
			List<LatencyReport> reports = Rounds.alternate(Rounds.count(),
					new Measurement("baseline-unix-socket-echo",
							cpu.metered((round) -> driver.run(round, REQUESTS, baseline))),
					new Measurement("appcontrol-run-unix-socket",
							cpu.metered((round) -> driver.run(round, REQUESTS, overUnixSocket))),
					new Measurement("appcontrol-run-http-minimal-handler",
							cpu.metered((round) -> driver.run(round, REQUESTS, overMinimalHandler))),
					new Measurement("appcontrol-run-http",
							cpu.metered((round) -> driver.run(round, REQUESTS, overHttpRun))));
			cpu.write("appcontrol-run");
			return reports;
		}
		finally {
			threads.shutdownNow();
			Files.deleteIfExists(folder);
		}
	}

	/**
	 * Runs {@value #WARMUP_REQUESTS} requests of each operation in turn until the JIT
	 * compilers spend less than {@value #SETTLED_PERCENT} % of a pass compiling, at most
	 * {@value #MAX_WARMUP_PASSES} passes: the HTTP stack's code (Reactor Netty, WebFlux,
	 * the JDK client) is much larger than the socket's and takes C2 tens of seconds to
	 * compile, which a fixed warm-up left in the first rounds of the HTTP figures.
	 */
	private static void warmUp(LoadDriver driver, Operation... operations) throws Exception {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		for (int pass = 1; pass <= MAX_WARMUP_PASSES; pass++) {
			long compiled = compiler.getTotalCompilationTime();
			long start = System.nanoTime();
			for (Operation operation : operations) {
				driver.run("warmup", WARMUP_REQUESTS, operation);
			}
			long compiling = compiler.getTotalCompilationTime() - compiled;
			long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
			System.out.printf("app-control warm-up pass %d: %d ms compiling in %d ms%n", pass, compiling, elapsed);
			if (compiling * 100 < elapsed * SETTLED_PERCENT) {
				return;
			}
		}
	}

	/**
	 * A {@code run} of the command through an {@link HttpAppControlClient} of its own,
	 * with the HTTP client that client builds itself.
	 */
	private static Operation runOverHttp(ExecutorService threads, String endpoint) {
		HttpAppControlClient client = HttpAppControlClient.builder(URI.create(endpoint))
			.token(AppControlServiceApplication.TOKEN)
			.timeout(Duration.ofSeconds(30))
			.build();
		return AppControlServiceRoundTrip.blocking(threads,
				() -> client.runCommand(ToolCommandParseBenchmark.COMMAND, null));
	}

}
