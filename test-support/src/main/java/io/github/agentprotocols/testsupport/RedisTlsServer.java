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
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A TLS-only Redis server of a test's own: a child process of Debian's
 * {@code redis-server} (built with TLS) that listens on a free loopback TLS port and no
 * plain one ({@code --port 0 --tls-port}), presenting the server certificate of
 * {@link TestCertificates} and trusting their authority for client certificates. Clients
 * reach it at {@link #url()} ({@code rediss://}); with
 * {@link ClientAuthentication#REQUIRED} only those presenting a certificate signed by the
 * authority (mutual TLS).
 */
public final class RedisTlsServer implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final int port;

	private final TestCertificates certificates;

	private final Process process;

	private RedisTlsServer(TestCertificates certificates, ClientAuthentication clients) {
		this.certificates = certificates;
		this.port = freePort();
		this.process = launch(this.port, certificates, clients);
	}

	/**
	 * Starts a server on a free loopback port and waits until it accepts connections.
	 * @param certificates the certificates: the server presents their server identity and
	 * checks client certificates against their authority
	 * @param clients whether clients must present a certificate
	 * @return the running server
	 * @throws IllegalStateException if {@code redis-server} is not installed, lacks TLS
	 * support or does not start (the message holds the end of its output)
	 */
	public static RedisTlsServer start(TestCertificates certificates, ClientAuthentication clients) {
		ExternalServices.requireIntegrationPhase("A TLS Redis server", UsesRedisProcess.class);
		return new RedisTlsServer(certificates, clients);
	}

	/**
	 * The server's TLS port on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The server's URL.
	 * @return {@code rediss://127.0.0.1:<port>}
	 */
	public String url() {
		return "rediss://127.0.0.1:" + this.port;
	}

	/**
	 * The Spring Boot properties that point an application at this server through an SSL
	 * bundle (define the bundle with {@link TestCertificates#bundleProperties(String)} or
	 * {@link TestCertificates#bundleProperties(String, TestCertificates.Identity)}).
	 * @param bundle the SSL bundle's name
	 * @return {@code spring.data.redis.url}, {@code spring.data.redis.ssl.enabled} and
	 * {@code spring.data.redis.ssl.bundle}
	 */
	public List<String> connectionProperties(String bundle) {
		return List.of("spring.data.redis.url=" + url(), "spring.data.redis.ssl.enabled=true",
				"spring.data.redis.ssl.bundle=" + bundle);
	}

	/**
	 * Runs commands on the server over a connection of the test's own, which presents the
	 * client certificate and trusts the authority.
	 * @param <T> the result's type
	 * @param commands what to run
	 * @return their result
	 */
	public <T> T sync(Function<? super RedisCommands<String, String>, T> commands) {
		SslOptions ssl = SslOptions.builder()
			.jdkSslProvider()
			.trustManager(this.certificates.authorityFile().toFile())
			.keyManager(this.certificates.client().certificateFile().toFile(),
					this.certificates.client().privateKeyFile().toFile(), null)
			.build();
		RedisClient client = RedisClient.create(RedisURI.create(url()));
		client.setOptions(ClientOptions.builder().sslOptions(ssl).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * Kills the server and waits until it has exited.
	 */
	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Process launch(int port, TestCertificates certificates, ClientAuthentication clients) {
		Path log = certificates.directory().resolve("redis-" + port + ".log");
		log.toFile().deleteOnExit();
		List<String> command = List.of("redis-server", "--port", "0", "--tls-port", Integer.toString(port), "--bind",
				"127.0.0.1", "--tls-cert-file", certificates.server().certificateFile().toString(), "--tls-key-file",
				certificates.server().privateKeyFile().toString(), "--tls-ca-cert-file",
				certificates.authorityFile().toString(), "--tls-auth-clients", clients.value, "--save", "",
				"--appendonly", "no");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run redis-server (install Debian's redis-server; .ci/run does)",
					ex);
		}
		Instant deadline = Instant.now().plus(WAIT);
		while (!LoopbackPorts.accepts(port)) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				process.destroyForcibly();
				throw new IllegalStateException("redis-server did not start with TLS on port " + port
						+ " (it needs TLS support, as Debian's redis-server 7 has); its output:\n" + tail(log));
			}
			sleep();
		}
		return process;
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether clients must present a certificate ({@code --tls-auth-clients}).
	 */
	public enum ClientAuthentication {

		/**
		 * A client may present a certificate, which must then be signed by the authority.
		 */
		OPTIONAL("optional"),

		/** A client must present a certificate signed by the authority: mutual TLS. */
		REQUIRED("yes");

		private final String value;

		ClientAuthentication(String value) {
			this.value = value;
		}

	}

}
