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

package io.github.agentprotocols.samples.showcase;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot executable jar run as a process of its own, on a free port: its output
 * goes to a log file as it comes, and the start is over when Spring Boot logs the port
 * its Netty server listens on.
 */
final class JarProcess {

	private static final Pattern STARTED = Pattern.compile("Netty started on port (\\d+)");

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

	private final Process process;

	private final Path log;

	private final int port;

	private JarProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Start a jar with the test's Java and wait for its web server.
	 * @param jar the executable jar
	 * @param log where its output goes
	 * @param timeout how long the start may take
	 * @param jvmArguments the JVM's arguments
	 * @return the started process
	 * @throws IOException if the process cannot be started or its log read
	 * @throws InterruptedException if interrupted while waiting
	 */
	static JarProcess start(Path jar, Path log, Duration timeout, String... jvmArguments)
			throws IOException, InterruptedException {
		assertThat(jar).as("the executable jar, made by the package phase").exists();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmArguments));
		command.addAll(List.of("-jar", jar.toString(), "--server.port=0"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread output = new Thread(() -> copyOutput(process, log, port), jar.getFileName() + "-output");
		output.setDaemon(true);
		output.start();
		try {
			return new JarProcess(process, log, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly().waitFor();
			throw new AssertionError(jar + " did not start its web server in " + timeout + ": "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : "timed out") + "\n" + readLog(log), ex);
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
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					port.complete(Integer.valueOf(started.group(1)));
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

	/**
	 * The URL of its web server.
	 * @return the base URL, without a trailing slash
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Require a line of its log to contain a text.
	 * @param text the text
	 */
	void assertLogged(String text) {
		assertThat(readLog(this.log)).contains(text);
	}

	/**
	 * Stop it as a user would (SIGTERM), forcibly if it does not exit in time.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
