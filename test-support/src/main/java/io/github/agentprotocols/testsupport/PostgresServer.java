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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL 15 server of a test's own: a cluster made with Debian's {@code initdb} in
 * a temporary directory, its {@code postgres} a child process listening on a free
 * loopback port below the kernel's ephemeral range, with one database owned by a password
 * user for the application. The test may cut every connection of that user
 * ({@link #terminateConnections()}), {@linkplain #restart() restart} the server on the
 * same port or {@linkplain #stop() stop} it: faults that must not touch the shared test
 * database, which other test classes use at the same time.
 * <p>
 * Run as root (as {@code .ci/run} runs the build), the server runs as the operating
 * system user {@code postgres}, which owns the directory; otherwise as the current user.
 * The superuser {@code postgres} can log in only over the directory's Unix socket (peer
 * authentication), so the application's user is the only one reachable over TCP (SCRAM).
 * With {@link Tls} the server also accepts TLS, with the given certificate, key and
 * optional client CA.
 */
public final class PostgresServer implements AutoCloseable {

	/** Where Debian's {@code postgresql-15} package installs the server's programs. */
	static final Path BINARIES = Path.of("/usr/lib/postgresql/15/bin");

	private static final String OS_USER = "postgres";

	private static final String DATABASE = "app";

	private static final String USER = "app";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int FIRST_PORT = 23_000;

	private static final int LAST_PORT = 29_999;

	private final Path directory;

	private final int port;

	private final String password = UUID.randomUUID().toString();

	private final Thread shutdownHook = new Thread(this::stop, "postgres-server-shutdown");

	private @Nullable Process process;

	private PostgresServer(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Makes a cluster and starts its server, without TLS.
	 * @return the running server
	 * @throws IllegalStateException if PostgreSQL 15 is not installed or does not start
	 */
	public static PostgresServer start() {
		return start(null);
	}

	/**
	 * Makes a cluster and starts its server, accepting TLS with the given files when
	 * {@code tls} is not {@code null}.
	 * @param tls the certificate, key and optional CA of TLS, or {@code null}
	 * @return the running server
	 * @throws IllegalStateException if PostgreSQL 15 is not installed or does not start
	 */
	public static PostgresServer start(@Nullable Tls tls) {
		if (!Files.isExecutable(BINARIES.resolve("postgres"))) {
			throw new IllegalStateException("PostgreSQL 15 is not installed in " + BINARIES
					+ ": install Debian's postgresql-15 package, as .ci/run does");
		}
		Path directory = createDirectory();
		PostgresServer server = new PostgresServer(directory, freePort());
		try {
			server.initialize(tls);
			server.launch();
			server.psql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + server.password + "'");
			server.psql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
			Runtime.getRuntime().addShutdownHook(server.shutdownHook);
			return server;
		}
		catch (RuntimeException ex) {
			server.stop();
			delete(directory);
			throw ex;
		}
	}

	/**
	 * The port the server listens on, the same after a {@link #restart()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The R2DBC URL of the application's database, as its password user.
	 * @return {@code r2dbc:postgresql://app:<password>@127.0.0.1:<port>/app}
	 */
	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + USER + ":" + this.password + "@127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/**
	 * The name of the application's user, whose connections
	 * {@link #terminateConnections()} cuts.
	 * @return the user name
	 */
	public String user() {
		return USER;
	}

	/**
	 * Runs SQL as the superuser in the application's database, over the Unix socket.
	 * @param sql the statements
	 * @return what {@code psql} printed: unaligned rows, fields separated by {@code |}
	 */
	public String execute(String sql) {
		return psql(DATABASE, sql);
	}

	/**
	 * Cuts every connection of the application's user: {@code pg_terminate_backend} of
	 * each of its backends, waited for until they have exited (new connections may have
	 * come meanwhile).
	 * @return how many backends were terminated
	 */
	public int terminateConnections() {
		String terminated = psql(DATABASE,
				"WITH app AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE usename = '" + USER
						+ "') SELECT string_agg(pid::text, ',') FROM app WHERE pg_terminate_backend(pid)");
		if (terminated.isEmpty()) {
			return 0;
		}
		Instant deadline = Instant.now().plus(WAIT);
		while (!psql(DATABASE, "SELECT pid FROM pg_stat_activity WHERE pid IN (" + terminated + ")").isEmpty()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						"Backends " + terminated + " still there " + WAIT + " after termination");
			}
			sleep();
		}
		return terminated.split(",").length;
	}

	/**
	 * How many backends the application's user has now.
	 * @return the number of its connections
	 */
	public int connections() {
		return Integer.parseInt(psql("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + USER + "'"));
	}

	/**
	 * Stops the server with a fast shutdown (every connection cut, transactions rolled
	 * back) and starts it again on the same port, with the same data.
	 */
	public synchronized void restart() {
		shutDown();
		launch();
	}

	/**
	 * Stops the server with a fast shutdown; its data stays until {@link #close()}.
	 */
	public synchronized void stop() {
		shutDown();
	}

	/**
	 * Stops the server and deletes its directory.
	 */
	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// shutting down already
		}
		delete(this.directory);
	}

	private void initialize(@Nullable Tls tls) {
		Path data = data();
		Path superuserPassword = this.directory.resolve("superuser-password");
		write(superuserPassword, UUID.randomUUID().toString());
		run(List.of(BINARIES.resolve("initdb").toString(), "-D", data.toString(), "-U", OS_USER, "--auth-local=peer",
				"--auth-host=scram-sha-256", "--pwfile=" + superuserPassword, "--encoding=UTF8", "--no-sync"));
		List<String> settings = new ArrayList<>(List.of("listen_addresses = '127.0.0.1'", "port = " + this.port,
				"unix_socket_directories = '" + this.directory + "'", "fsync = off", "synchronous_commit = off",
				"full_page_writes = off", "max_connections = 100", "shared_buffers = 16MB"));
		if (tls != null) {
			settings.add("ssl = on");
			settings.add("ssl_cert_file = '" + copy(tls.certificate(), "server.crt") + "'");
			settings.add("ssl_key_file = '" + copy(tls.key(), "server.key") + "'");
			if (tls.certificateAuthority() != null) {
				settings.add("ssl_ca_file = '" + copy(tls.certificateAuthority(), "ca.crt") + "'");
			}
		}
		append(data.resolve("postgresql.conf"), String.join("\n", settings) + "\n");
	}

	private synchronized void launch() {
		Path log = this.directory.resolve("postgres.log");
		try {
			this.process = new ProcessBuilder(
					asServerUser(List.of(BINARIES.resolve("postgres").toString(), "-D", data().toString())))
				.directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + BINARIES.resolve("postgres"), ex);
		}
		Instant deadline = Instant.now().plus(WAIT);
		while (!isReady()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				this.process.destroyForcibly();
				throw new IllegalStateException(
						"PostgreSQL did not start on port " + this.port + " within " + WAIT + ": " + read(log));
			}
			sleep();
		}
	}

	private boolean isReady() {
		try {
			Process ready = new ProcessBuilder(BINARIES.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p",
					Integer.toString(this.port))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return ready.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && ready.exitValue() == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void shutDown() {
		Process process = this.process;
		if (process == null || !process.isAlive()) {
			return;
		}
		run(List.of(BINARIES.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "fast", "-w", "-t",
				Long.toString(WAIT.toSeconds())));
		try {
			if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.process = null;
	}

	private String psql(String sql) {
		return psql("postgres", sql);
	}

	private String psql(String database, String sql) {
		return run(List.of(BINARIES.resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-qAt", "-h",
				this.directory.toString(), "-p", Integer.toString(this.port), "-U", OS_USER, "-d", database, "-c", sql))
			.strip();
	}

	private String run(List<String> command) {
		try {
			// in the server's directory: the server user may not enter the build's, and
			// psql
			// would print a warning into the output read here
			Process process = new ProcessBuilder(asServerUser(command)).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not end within " + WAIT);
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> asServerUser(List<String> command) {
		if (!isRoot()) {
			return command;
		}
		List<String> asPostgres = new ArrayList<>(
				List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups", "--reset-env", "--"));
		asPostgres.addAll(command);
		return asPostgres;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private Path copy(Path file, String name) {
		Path target = this.directory.resolve(name);
		try {
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			// the server refuses a key that others can read
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
			ownedByServerUser(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	private static Path createDirectory() {
		try {
			Path directory = Files.createTempDirectory("postgres-server");
			ownedByServerUser(directory);
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void ownedByServerUser(Path path) throws IOException {
		if (isRoot()) {
			UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
			Files.setOwner(path, users.lookupPrincipalByName(OS_USER));
		}
	}

	private void write(Path file, String text) {
		try {
			Files.writeString(file, text);
			ownedByServerUser(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void append(Path file, String text) {
		try {
			Files.writeString(file, Files.readString(file) + text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A free loopback port below the kernel's ephemeral range (32768 and up), so that no
	 * outgoing connection takes it while the server restarts.
	 */
	private static int freePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT + 1);
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + LAST_PORT);
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
	 * The files of TLS, copied into the server's directory at start-up.
	 *
	 * @param certificate the server's certificate (PEM), {@code ssl_cert_file}
	 * @param key the certificate's private key (PEM), {@code ssl_key_file}
	 * @param certificateAuthority the CA certificates (PEM) that client certificates are
	 * checked against, {@code ssl_ca_file}, or {@code null}
	 */
	public record Tls(Path certificate, Path key, @Nullable Path certificateAuthority) {

	}

}
