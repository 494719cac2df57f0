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

package io.github.agentprotocols.acp.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.github.agentprotocols.testsupport.LoopbackPorts;
import io.r2dbc.spi.Option;
import org.awaitility.Awaitility;

/**
 * A PgBouncer the test starts in front of the test database: writes a
 * {@code pgbouncer.ini} and a {@code userlist.txt} in a temporary directory, listens on a
 * free loopback port and is killed by its process id on {@link #close()}. Needs Debian's
 * {@code pgbouncer} package.
 */
final class PgBouncer implements AutoCloseable {

	private static final Duration START = Duration.ofSeconds(10);

	/**
	 * How many free ports a start tries: another process may take one before PgBouncer
	 * binds it.
	 */
	private static final int PORT_ATTEMPTS = 5;

	private static final Option<String> SCHEMA = Option.valueOf("schema");

	/**
	 * The driver's named prepared statements live on one server connection, which
	 * transaction pooling hands to other clients: {@code prepared statement "S_0" already
	 * exists}. Without its statement cache the driver uses the unnamed statement.
	 */
	static final String UNNAMED_STATEMENTS = "preparedStatementCacheQueries=0";

	private final Process process;

	private final Path directory;

	private final int port;

	private final String r2dbcUrl;

	private PgBouncer(Process process, Path directory, int port, String r2dbcUrl) {
		this.process = process;
		this.directory = directory;
		this.port = port;
		this.r2dbcUrl = r2dbcUrl;
	}

	/**
	 * Starts a PgBouncer in transaction pooling in front of a database.
	 * @param databaseUrl the R2DBC URL of the database, with its user and password and
	 * optionally a {@code schema} option, which PgBouncer's server connections set
	 * @return the running PgBouncer
	 */
	static PgBouncer transactionPooling(String databaseUrl) {
		return transactionPooling(databaseUrl, LoopbackPorts::free);
	}

	/**
	 * Starts a PgBouncer in transaction pooling in front of a database, on the first of
	 * the ports given that it can listen on.
	 * @param databaseUrl the R2DBC URL of the database
	 * @param ports gives a port to try, at most {@value #PORT_ATTEMPTS} times
	 * @return the running PgBouncer
	 */
	static PgBouncer transactionPooling(String databaseUrl, IntSupplier ports) {
		for (int attempt = 1;; attempt++) {
			PgBouncer pgBouncer = start(databaseUrl, ports.getAsInt());
			if (pgBouncer.awaitListening()) {
				return pgBouncer;
			}
			pgBouncer.close();
			if (attempt == PORT_ATTEMPTS) {
				throw new IllegalStateException(
						"pgbouncer found each of " + PORT_ATTEMPTS + " free ports taken before it could listen");
			}
		}
	}

	private static PgBouncer start(String databaseUrl, int port) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(databaseUrl);
		String user = (String) options.getRequiredValue(ConnectionFactoryOptions.USER);
		String password = options.getRequiredValue(ConnectionFactoryOptions.PASSWORD).toString();
		String database = (String) options.getRequiredValue(ConnectionFactoryOptions.DATABASE);
		Object schema = options.getValue(SCHEMA);
		try {
			Path directory = Files.createTempDirectory("pgbouncer");
			String connectQuery = (schema != null) ? " connect_query='SET search_path TO " + schema + "'" : "";
			Files.writeString(directory.resolve("pgbouncer.ini"),
					String.join("\n", "[databases]",
							database + " = host=" + options.getRequiredValue(ConnectionFactoryOptions.HOST) + " port="
									+ Objects.requireNonNullElse(options.getValue(ConnectionFactoryOptions.PORT), 5432)
									+ " dbname=" + database + connectQuery,
							"[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =",
							// PostgreSQL 15 stores SCRAM secrets: PgBouncer logs in with
							// the
							// plain password of the user list, and asks its clients for
							// SCRAM
							"auth_type = scram-sha-256", "auth_file = " + directory.resolve("userlist.txt"),
							"pool_mode = transaction",
							// what R2DBC's driver sends that PgBouncer does not track
							"ignore_startup_parameters = extra_float_digits,search_path,options", ""));
			Files.writeString(directory.resolve("userlist.txt"), "\"" + user + "\" \"" + password + "\"\n");
			List<String> command = new ArrayList<>(List.of(executable()));
			if ("root".equals(System.getProperty("user.name"))) {
				// PgBouncer refuses to run as root
				command.addAll(List.of("-u", "nobody"));
				readableByAll(directory);
			}
			command.add(directory.resolve("pgbouncer.ini").toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("pgbouncer.log").toFile())
				.start();
			return new PgBouncer(process, directory, port, "r2dbc:postgresql://" + user + ":" + password + "@127.0.0.1:"
					+ port + "/" + database + "?" + UNNAMED_STATEMENTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The R2DBC URL of the database through this PgBouncer.
	 * @return the URL, with {@link #UNNAMED_STATEMENTS}
	 */
	String r2dbcUrl() {
		return this.r2dbcUrl;
	}

	/**
	 * The port PgBouncer listens on.
	 * @return the port
	 */
	int port() {
		return this.port;
	}

	/**
	 * The R2DBC URL of the database through this PgBouncer, as an application sets it
	 * that knows nothing of PgBouncer.
	 * @return the URL, without {@link #UNNAMED_STATEMENTS}
	 */
	String r2dbcUrlWithNamedStatements() {
		return this.r2dbcUrl.replace("?" + UNNAMED_STATEMENTS, "");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until PgBouncer says it listens on its port: a connection accepted there may
	 * be another process's, which took the port after it was found free.
	 * @return whether it listens; {@code false} when the port was taken
	 */
	private boolean awaitListening() {
		try {
			Awaitility.await("pgbouncer on port " + this.port).atMost(START).until(() -> {
				String log = log();
				if (log.contains("listening on 127.0.0.1:" + this.port)) {
					return true;
				}
				if (!this.process.isAlive() && !log.contains("cannot listen on")) {
					throw new IllegalStateException("pgbouncer exited with " + this.process.exitValue() + ": " + log);
				}
				return !this.process.isAlive();
			});
			return this.process.isAlive();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private String log() throws IOException {
		Path log = this.directory.resolve("pgbouncer.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	private static String executable() {
		List<String> directories = new ArrayList<>(List.of(System.getenv("PATH").split(File.pathSeparator)));
		directories.add("/usr/sbin");
		return directories.stream()
			.map((directory) -> Path.of(directory, "pgbouncer"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"pgbouncer is not on the PATH: install Debian's pgbouncer package (apt-get install pgbouncer),"
							+ " as .ci/run does"))
			.toString();
	}

	private static void readableByAll(Path directory) throws IOException {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
			}
		}
	}

}
