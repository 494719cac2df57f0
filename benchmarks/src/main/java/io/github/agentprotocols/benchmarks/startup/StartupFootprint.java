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

package io.github.agentprotocols.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.benchmarks.load.Rounds;

/**
 * Start time and footprint of the showcase ({@code samples/showcase}, all five starters)
 * against a bare WebFlux application ({@link BareWebFluxApplication}), each started as a
 * JVM of its own with the same flags ({@link #JVM_FLAGS}), in alternating rounds after
 * one warm-up round that is not counted: the bare application on a class path and as an
 * executable jar ({@link BareExecutableJar}), the showcase extracted
 * ({@code java -Djarmode=tools -jar showcase.jar extract}, plain jars on a class path
 * like the bare application's), and the showcase's executable jar as {@code java -jar}
 * runs it. Each form of the showcase compares with the same form of the bare application.
 * <p>
 * Each run is timed from starting the process to the first {@code 200} of
 * {@code /actuator/health} (readiness included: it answers {@code 503} until the
 * application is ready), and Spring Boot's own {@code Started ... in X seconds} line is
 * read from its output; the processor time the JVM had used by its first healthy answer
 * comes from {@code /proc/<pid>/stat}. {@link #SETTLE} later, {@code jcmd <pid> GC.run}
 * (a full collection) then {@code GC.heap_info} give the heap and metaspace in use, and
 * {@code /proc/<pid>/status} the resident set size. Measuring from outside keeps the two
 * applications alike: no endpoint of ours, nothing allocated by the measurement itself.
 */
public final class StartupFootprint {

	/** System property naming the showcase's executable jar. */
	public static final String SHOWCASE_JAR_PROPERTY = "bench.showcase.jar";

	/**
	 * System property listing properties, comma-separated, each of which adds a run of
	 * the extracted showcase with that one property set: {@code happy.enabled=false}
	 * gives the showcase without Happy (and without its in-process fakes).
	 */
	public static final String VARIANTS_PROPERTY = "bench.startup.variants";

	/** System property naming the file that lists the jars actuator adds. */
	public static final String ACTUATOR_CLASSPATH_PROPERTY = "bench.actuator.classpath";

	static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseG1GC");

	static final Duration SETTLE = Duration.ofSeconds(2);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> CREDENTIALS = List.of("LIME_SITE_TOKEN", "HAPPY_TOKEN", "HAPPY_SECRET",
			"HAPPY_CREDENTIALS_PATH", "PORT");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	/**
	 * The showcase's executable jar, from {@value #SHOWCASE_JAR_PROPERTY}.
	 * @return the jar's path
	 */
	public static Path showcaseJar() {
		return Path.of(System.getProperty(SHOWCASE_JAR_PROPERTY, "../samples/showcase/target/showcase.jar"));
	}

	/**
	 * Run the warm-up round and {@link Rounds#count()} measured rounds.
	 * @return the median of each application, the bare one first, then every run
	 * @throws Exception if an application does not start
	 */
	public List<StartupReport> run() throws Exception {
		Path work = Files.createTempDirectory("startup-footprint");
		Path extracted = extract(showcaseJar(), work.resolve("showcase"));
		String java = javaHome("java");
		String bareClassPath = bareClassPath();
		Path bareJar = BareExecutableJar.create(bareClassPath, work.resolve("bare-webflux.jar"));
		List<App> apps = new ArrayList<>(List.of(
				new App("bare-webflux", List.of(java, "-cp", bareClassPath, BareWebFluxApplication.class.getName())),
				new App("bare-webflux-jar", List.of(java, "-jar", bareJar.toString())),
				new App("showcase-extracted", List.of(java, "-jar", extracted.toString())),
				new App("showcase-jar", List.of(java, "-jar", showcaseJar().toAbsolutePath().toString()))));
		for (String variant : variants(System.getProperty(VARIANTS_PROPERTY, ""))) {
			apps.add(new App("showcase-extracted+" + variant,
					List.of(java, "-jar", extracted.toString(), "--" + variant)));
		}
		for (App app : apps) {
			launch(app, app.name() + "-warm-up", work);
		}
		int count = Rounds.count();
		Map<App, List<StartupReport>> runs = new LinkedHashMap<>();
		List<StartupReport> all = new ArrayList<>();
		for (int round = 1; round <= count; round++) {
			for (App app : apps) {
				StartupReport report = launch(app, app.name() + "-round-" + round, work);
				runs.computeIfAbsent(app, (key) -> new ArrayList<>()).add(report);
				all.add(report);
			}
		}
		List<StartupReport> reports = new ArrayList<>();
		runs.forEach(
				(app, measured) -> reports.add(StartupReport.median(app.name() + "-median-of-" + count, measured)));
		reports.addAll(all);
		return reports;
	}

	static List<String> variants(String property) {
		return Arrays.stream(property.split(",")).map(String::strip).filter((variant) -> !variant.isEmpty()).toList();
	}

	private StartupReport launch(App app, String name, Path work) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(app.command());
		command.addAll(1, JVM_FLAGS);
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		Path log = work.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		CREDENTIALS.forEach(builder.environment()::remove);
		double load = loadAverage();
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			awaitHealthy(process, port, log);
			double firstAnswerMillis = (System.nanoTime() - start) / 1e6;
			String pid = Long.toString(process.pid());
			double cpuSeconds = StartupReport.cpuSeconds(Files.readString(Path.of("/proc", pid, "stat")),
					ticksPerSecond());
			double[] started = awaitStartedLine(log);
			Thread.sleep(SETTLE.toMillis());
			jcmd(pid, "GC.run");
			String heapInfo = jcmd(pid, "GC.heap_info");
			String status = Files.readString(Path.of("/proc", pid, "status"));
			StartupReport report = new StartupReport(name, firstAnswerMillis, started[0], started[1], cpuSeconds,
					StartupReport.heapUsed(heapInfo), StartupReport.metaspaceUsed(heapInfo), StartupReport.rss(status),
					load);
			System.out.println(report.toCsv(report));
			return report;
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private void awaitHealthy(Process process, int port, Path log) throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("application exited with " + process.exitValue() + ": " + log);
			}
			try {
				if (this.client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("application not healthy within " + START_TIMEOUT + ": " + log);
	}

	private static double[] awaitStartedLine(Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			double[] started = StartupReport.started(Files.readString(log, StandardCharsets.UTF_8));
			if (started != null) {
				return started;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("no 'Started' line in " + log);
	}

	private static String jcmd(String pid, String command) throws Exception {
		Process jcmd = new ProcessBuilder(javaHome("jcmd"), pid, command).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
		}
		return output;
	}

	private static Path extract(Path jar, Path destination) throws Exception {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no showcase jar at " + jar.toAbsolutePath()
					+ ": build it with ./mvnw -B -ntp -q -DskipTests -pl samples/showcase -am package");
		}
		Process extract = new ProcessBuilder(javaHome("java"), "-Djarmode=tools", "-jar",
				jar.toAbsolutePath().toString(), "extract", "--destination", destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
			throw new IllegalStateException("could not extract " + jar);
		}
		return destination.resolve(jar.getFileName());
	}

	private static String bareClassPath() throws IOException {
		String actuator = System.getProperty(ACTUATOR_CLASSPATH_PROPERTY);
		if (actuator == null || !Files.isRegularFile(Path.of(actuator))) {
			throw new IllegalStateException("no actuator class path file (" + ACTUATOR_CLASSPATH_PROPERTY + "="
					+ actuator + "): run through ./mvnw -Pbench, which writes it");
		}
		return System.getProperty("java.class.path") + File.pathSeparator + Files.readString(Path.of(actuator)).strip();
	}

	private static long ticksPerSecond() throws Exception {
		Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
		String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		getconf.waitFor(10, TimeUnit.SECONDS);
		return Long.parseLong(output);
	}

	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static String javaHome(String tool) {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + tool;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private record App(String name, List<String> command) {

	}

}
