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

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A stand-alone Redis server of a test's own, on a free loopback port: a child process of
 * Debian's {@code redis-server} (which {@code .ci/run} installs), without persistence,
 * that the test may {@linkplain #kill() kill} and {@linkplain #start() start} again on
 * the same port, as an outage of the server an application uses. Test classes that start
 * one are marked {@link UsesRedisProcess}.
 */
public final class RedisServerProcess implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final int port;

	private Process process;

	private RedisServerProcess(int port) {
		this.port = port;
		this.process = launch(port);
	}

	/**
	 * Starts a server on a free loopback port and waits until it accepts connections.
	 * @return the running server
	 * @throws IllegalStateException if {@code redis-server} is not installed or does not
	 * start
	 */
	public static RedisServerProcess start() {
		ExternalServices.requireIntegrationPhase("A Redis server of the test's own", UsesRedisProcess.class);
		return new RedisServerProcess(LoopbackPorts.free());
	}

	/**
	 * The server's URL.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Kills the server ({@code SIGKILL}) and waits until its port refuses connections.
	 */
	public synchronized void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts the server again on its port, after {@link #kill()}.
	 */
	public synchronized void restart() {
		this.process = launch(this.port);
	}

	@Override
	public void close() {
		kill();
	}

	private static Process launch(int port) {
		List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run redis-server (install Debian's redis-server; .ci/run does)",
					ex);
		}
		try {
			Awaitility.await("redis-server on port " + port).atMost(WAIT).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("redis-server exited with " + process.exitValue());
				}
				return LoopbackPorts.accepts(port);
			});
			return process;
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

}
