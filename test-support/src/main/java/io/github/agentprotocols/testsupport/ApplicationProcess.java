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

package io.github.agentprotocols.testsupport;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application class run in a JVM of its own, on the test's class path, so
 * that a test can kill it as an operating system would ({@code kill -9}): nothing of it
 * runs after {@link #kill()}, no shutdown hook, no release of a lease, no goodbye on a
 * socket. The child's output goes to {@code target/processes/<name>.log} as it comes; the
 * start is over when the application context has started (the child prints its port
 * then). The child dies with the test's JVM (it halts when its standard input closes),
 * and {@link #close()} kills it if the test did not.
 */
public final class ApplicationProcess implements AutoCloseable {

	private static final String READY = "ApplicationProcess ready: port=";

	private static final Pattern READY_LINE = Pattern.compile(Pattern.quote(READY) + "(-?\\d+)");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final List<String> JVM_FLAGS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private final Thread output;

	private final Thread cleanup;

	private ApplicationProcess(String name, Process process, Path log, int port, Thread output, Thread cleanup) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
		this.output = output;
		this.cleanup = cleanup;
	}

	/**
	 * Start an application class in a JVM of its own and wait until its context has
	 * started.
	 * @param name the process's name, which names its log file
	 * @param application the {@code @SpringBootConfiguration} class to run
	 * @param properties the application's properties, as {@code name=value}
	 * @return the started process
	 * @throws AssertionError if it exits or does not start within 90 seconds (the message
	 * holds its log)
	 */
	public static ApplicationProcess start(String name, Class<?> application, String... properties) {
		return start(name, JVM_FLAGS, application, properties);
	}

	/**
	 * Start an application class in a JVM of its own with the given JVM flags in place of
	 * the defaults (a small heap, the client compiler, the serial collector), as a
	 * benchmark that measures the server needs, and wait until its context has started.
	 * @param name the process's name, which names its log file
	 * @param jvmFlags the JVM's flags
	 * @param application the {@code @SpringBootConfiguration} class to run
	 * @param properties the application's properties, as {@code name=value}
	 * @return the started process
	 * @throws AssertionError if it exits or does not start within 90 seconds (the message
	 * holds its log)
	 */
	public static ApplicationProcess start(String name, List<String> jvmFlags, Class<?> application,
			String... properties) {
		Path log = Path.of("target", "processes", name + ".log").toAbsolutePath();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), application.getName()));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(command::add);
		Process process;
		try {
			Files.createDirectories(log.getParent());
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + application.getName() + " in a JVM of its own", ex);
		}
		Thread cleanup = new Thread(process::destroyForcibly, name + "-kill");
		Runtime.getRuntime().addShutdownHook(cleanup);
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread output = new Thread(() -> copyOutput(process, log, port), name + "-output");
		output.setDaemon(true);
		output.start();
		try {
			return new ApplicationProcess(name, process, log, port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
					output, cleanup);
		}
		catch (ExecutionException | TimeoutException ex) {
			destroy(process);
			throw new AssertionError(name + " (" + application.getName() + ") did not start in " + START_TIMEOUT + ": "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : "timed out") + "\n" + readLog(log), ex);
		}
		catch (InterruptedException ex) {
			destroy(process);
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void copyOutput(Process process, Path log, CompletableFuture<Integer> port) {
		try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
				BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				writer.write(line);
				writer.newLine();
				writer.flush();
				Matcher ready = READY_LINE.matcher(line);
				if (ready.find()) {
					port.complete(Integer.valueOf(ready.group(1)));
				}
			}
			port.completeExceptionally(
					new IllegalStateException("it exited with status " + process.waitFor() + " before"));
		}
		catch (IOException | InterruptedException ex) {
			port.completeExceptionally(ex);
		}
	}

	private static String readLog(Path log) {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void destroy(Process process) {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Process " + process.pid() + " did not die of SIGKILL in 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The process id of the child JVM.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * The port its web server listens on.
	 * @return the port
	 * @throws IllegalStateException if the application has no web server
	 */
	public int port() {
		if (this.port < 0) {
			throw new IllegalStateException(this.name + " has no web server");
		}
		return this.port;
	}

	/**
	 * The URL of its web server.
	 * @return the base URL on the loopback address, without a trailing slash
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Whether the child JVM still runs.
	 * @return whether it is alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Its output so far (all of it once {@link #kill() killed}).
	 * @return the lines of its log
	 */
	public List<String> logLines() {
		return readLog(this.log).lines().toList();
	}

	/**
	 * Kill it with {@code SIGKILL}, as {@code kill -9 <pid>} would, and wait until it is
	 * gone and its log holds everything it wrote: nothing of it runs afterwards.
	 */
	public void kill() {
		destroy(this.process);
		try {
			this.output.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Kill it if it still runs.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanup);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook runs anyway
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", log " + this.log + ")";
	}

	/**
	 * The child JVM's main class: runs the application class named by the first argument
	 * with the other arguments, prints its port once the context has started, and halts
	 * when its standard input closes (the test's JVM is gone).
	 */
	public static final class Main {

		private Main() {
		}

		/**
		 * Run the application.
		 * @param args the application class's name, then the application's arguments
		 * @throws ClassNotFoundException if there is no such class
		 */
		public static void main(String[] args) throws ClassNotFoundException {
			Thread parent = new Thread(Main::haltWhenParentIsGone, "parent-watch");
			parent.setDaemon(true);
			parent.start();
			Class<?> application = Class.forName(args[0]);
			ConfigurableApplicationContext context = SpringApplication.run(application,
					Arrays.copyOfRange(args, 1, args.length));
			System.out.println(READY + context.getEnvironment().getProperty("local.server.port", "-1"));
		}

		private static void haltWhenParentIsGone() {
			try (InputStream in = System.in) {
				while (in.read() != -1) {
					// nothing is sent: wait for the end
				}
			}
			catch (IOException ex) {
				// gone as well
			}
			Runtime.getRuntime().halt(1);
		}

	}

}
