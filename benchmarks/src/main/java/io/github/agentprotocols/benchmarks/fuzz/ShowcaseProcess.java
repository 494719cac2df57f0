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

package io.github.agentprotocols.benchmarks.fuzz;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.benchmarks.startup.StartupReport;

/**
 * The showcase's executable jar as a JVM of its own on a free loopback port, its output
 * in a log file; its heap after a full collection and its live threads measured from
 * outside ({@code jcmd}, {@code /proc}).
 */
final class ShowcaseProcess implements AutoCloseable {

	/**
	 * The JVM flags: the start-up benchmark's, and soft references cleared by every
	 * collection, so that the heap after a full collection is what the server holds on to
	 * rather than what the JVM caches until memory runs short (such as the boot class
	 * loader's cache of every class-path resource name looked up, which static resource
	 * handling fills with each fuzzed path).
	 */
	static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:SoftRefLRUPolicyMSPerMB=0");

	/**
	 * System property: JVM flags added to {@link #JVM_FLAGS}, separated by spaces (the
	 * build's short runs set the client compiler's, which a JVM that lives a minute
	 * spends less processor time on).
	 */
	static final String EXTRA_JVM_FLAGS_PROPERTY = "bench.showcase.jvm-flags";

	private static final List<String> CREDENTIALS = List.of("LIME_SITE_TOKEN", "HAPPY_TOKEN", "HAPPY_SECRET",
			"HAPPY_CREDENTIALS_PATH", "PORT", "SPRING_R2DBC_URL", "HPP_STORE_TYPE", "SPRING_DATA_REDIS_URL");

	private static final Pattern THREADS = Pattern.compile("Threads:\\s+(\\d+)");

	/** A line of {@code GC.class_histogram}: rank, instances, bytes, class. */
	private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	private static final Pattern LOG_LEVEL = Pattern.compile("^\\S+\\s+(ERROR|WARN)\\s");

	private final Process process;

	private final int port;

	private final Path log;

	private ShowcaseProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start the jar and wait for its health to be {@code 200}.
	 * @param jar the executable jar
	 * @param log where its output goes
	 * @param environment variables to set
	 * @param arguments application arguments besides the port and address
	 * @return the running showcase
	 * @throws Exception if it does not start within three minutes
	 */
	static ShowcaseProcess start(Path jar, Path log, Map<String, String> environment, List<String> arguments)
			throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(javaTool("java"));
		command.addAll(JVM_FLAGS);
		command.addAll(extraJvmFlags());
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		CREDENTIALS.forEach(builder.environment()::remove);
		builder.environment().putAll(environment);
		Process process = builder.start();
		// a driver stopped by a signal takes the showcase with it
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		ShowcaseProcess showcase = new ShowcaseProcess(process, port, log);
		try {
			showcase.awaitHealthy(Duration.ofMinutes(3));
		}
		catch (Exception ex) {
			showcase.close();
			throw ex;
		}
		return showcase;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Heap in use after a full collection ({@code jcmd GC.run}, then
	 * {@code GC.heap_info}).
	 * @return bytes
	 * @throws Exception if {@code jcmd} fails
	 */
	long heapAfterGc() throws Exception {
		jcmd("GC.run");
		return StartupReport.heapUsed(jcmd("GC.heap_info"));
	}

	/**
	 * The bytes each class's live objects take ({@code jcmd GC.class_histogram}, which
	 * runs a full collection first).
	 * @return bytes by class name
	 * @throws Exception if {@code jcmd} fails
	 */
	Map<String, Long> liveBytesByClass() throws Exception {
		Map<String, Long> bytes = new HashMap<>();
		for (String line : jcmd("GC.class_histogram").split("\\R")) {
			Matcher matcher = HISTOGRAM_LINE.matcher(line);
			if (matcher.find()) {
				bytes.merge(matcher.group(3), Long.parseLong(matcher.group(2)), Long::sum);
			}
		}
		return bytes;
	}

	/**
	 * Live threads of the JVM ({@code Threads:} of {@code /proc/<pid>/status}).
	 * @return the count
	 * @throws IOException if the file cannot be read
	 */
	int threads() throws IOException {
		Matcher matcher = THREADS.matcher(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	/**
	 * The log's lines so far.
	 * @return the lines
	 * @throws IOException if the log cannot be read
	 */
	List<String> logLines() throws IOException {
		return Files.readAllLines(this.log, StandardCharsets.UTF_8);
	}

	/**
	 * The level of a log line of Boot's console format.
	 * @param line the line
	 * @return {@code ERROR}, {@code WARN}, or {@code null} for another level or a
	 * continuation line
	 */
	static String level(String line) {
		Matcher matcher = LOG_LEVEL.matcher(line);
		return matcher.find() ? matcher.group(1) : null;
	}

	private void awaitHealthy(Duration timeout) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("showcase exited with " + this.process.exitValue() + ": " + this.log);
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("showcase not healthy within " + timeout + ": " + this.log);
	}

	private String jcmd(String command) throws Exception {
		Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(pid()), command).redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid() + " " + command + " failed: " + output);
		}
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static List<String> extraJvmFlags() {
		String flags = System.getProperty(EXTRA_JVM_FLAGS_PROPERTY, "").strip();
		return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
	}

	private static String javaTool(String tool) {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + tool;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
