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

package io.github.agentprotocols.appcontrol.service;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.github.agentprotocols.appcontrol.unix.LineChannel;
import io.github.agentprotocols.appcontrol.unix.LineTooLongException;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unix-domain-socket face of {@link AppControlServiceHost}, framed exactly as the
 * Python peers frame it (spec §8): per connection the client sends one request line and
 * the host answers with one response line, or for {@code stream} with one
 * {@code service.event.v1} line per event and then the final {@code service.response.v1}
 * line; then the host closes the connection. A request line also ends where the client
 * ends its side of the connection, as Python's {@code readline()} allows. Refusals are
 * {@code failed} envelopes with the §8 failure kinds ({@code empty_request},
 * {@code invalid_json}, {@code invalid_request}, {@code unsupported_action}) and the
 * host's own ({@code request_too_large}, {@code busy}); a poll for an unknown id is a
 * {@code not_found} envelope.
 * <p>
 * {@link #start()} creates the socket file with mode 0600 (replacing a stale one that no
 * process listens on), {@link #stop()} closes the open connections and removes the file.
 * Connections are served on threads named {@value #THREAD_NAME_PREFIX}-N, at most
 * {@value #MAX_CONNECTIONS} at once; the thread accepting them is not a daemon, so it
 * keeps a JVM with no other work alive.
 * <p>
 * Each connection is observed ({@code appcontrol.service.request}) as the root of a new
 * trace: the request line has no field to carry the caller's (the request envelope is
 * closed).
 */
public class UnixSocketServiceServer implements AutoCloseable {

	/** Prefix of the names of the threads connections are served on. */
	public static final String THREAD_NAME_PREFIX = "app-control-unix-socket";

	/** The most connections served at once; more wait to be accepted. */
	public static final int MAX_CONNECTIONS = 256;

	private static final String TRANSPORT = "unix_socket";

	private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(UnixSocketServiceServer.class);

	private final AppControlServiceHost host;

	private final Path socket;

	private final int maxRequestBytes;

	private final Duration timeout;

	private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

	private @Nullable ServerSocketChannel listener;

	private @Nullable Object socketFileKey;

	private @Nullable ExecutorService workers;

	private @Nullable ThreadFactory threads;

	private @Nullable Thread acceptor;

	/**
	 * A server, not yet started.
	 * @param host the host that answers the requests
	 * @param socket where to create the socket file
	 * @param maxRequestBytes the longest request line accepted
	 * @param timeout how long a client may take to send its request line, and to take
	 * each response line
	 */
	public UnixSocketServiceServer(AppControlServiceHost host, Path socket, int maxRequestBytes, Duration timeout) {
		this.host = host;
		this.socket = socket;
		this.maxRequestBytes = maxRequestBytes;
		this.timeout = timeout;
	}

	/**
	 * The threads that serve the connections, one each while it is open: daemon platform
	 * threads named {@value #THREAD_NAME_PREFIX} unless set. Takes effect at
	 * {@link #start()}.
	 * @param threads the factory of the threads, for instance of virtual threads
	 */
	public void setThreads(ThreadFactory threads) {
		this.threads = threads;
	}

	/**
	 * The socket file.
	 * @return its path
	 */
	public Path getSocketPath() {
		return this.socket;
	}

	/**
	 * Creates the socket file and starts accepting connections.
	 * @throws AppControlException if the socket file cannot be created, for instance
	 * because another process listens on it or the path is not a socket
	 */
	public synchronized void start() {
		if (this.listener != null) {
			return;
		}
		ServerSocketChannel channel;
		try {
			channel = bind();
		}
		catch (IOException ex) {
			throw new AppControlException("cannot serve app-control on " + this.socket + ": " + ex.getMessage(), ex);
		}
		this.workers = Executors.newCachedThreadPool(workerThreads());
		this.listener = channel;
		ExecutorService workers = this.workers;
		this.acceptor = new Thread(() -> accept(channel, workers), THREAD_NAME_PREFIX + "-acceptor");
		this.acceptor.start();
		logger.info("app-control service listening on Unix socket {}", this.socket);
	}

	private ThreadFactory workerThreads() {
		ThreadFactory threads = this.threads;
		if (threads != null) {
			return threads;
		}
		AtomicInteger counter = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, THREAD_NAME_PREFIX + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private ServerSocketChannel bind() throws IOException {
		UnixSocketFiles.clearStale(this.socket);
		ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			channel.bind(UnixDomainSocketAddress.of(this.socket));
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw ex;
		}
		try {
			this.socketFileKey = UnixSocketFiles.restrictToOwner(this.socket);
			return channel;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			UnixSocketFiles.deleteIfSame(this.socket, null);
			throw ex;
		}
	}

	/**
	 * Whether the server accepts connections.
	 * @return true between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.listener != null;
	}

	/**
	 * Stops accepting connections, closes those open (interrupting their work) and
	 * removes the socket file. Returns once the accepting thread has ended.
	 */
	public synchronized void stop() {
		ServerSocketChannel channel = this.listener;
		if (channel == null) {
			return;
		}
		this.listener = null;
		closeQuietly(channel);
		this.acceptor.interrupt();
		try {
			this.acceptor.join(STOP_PATIENCE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.workers.shutdownNow();
		UnixSocketFiles.deleteIfSame(this.socket, this.socketFileKey);
	}

	@Override
	public void close() {
		stop();
	}

	private void accept(ServerSocketChannel channel, ExecutorService workers) {
		while (channel.isOpen()) {
			SocketChannel connection;
			try {
				this.connections.acquire();
				connection = channel.accept();
			}
			catch (ClosedChannelException ex) {
				return;
			}
			catch (IOException ex) {
				this.connections.release();
				logger.warn("Accepting a connection on {} failed", this.socket, ex);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				workers.execute(() -> serve(connection));
			}
			catch (RejectedExecutionException ex) {
				this.connections.release();
				closeQuietly(connection);
				return;
			}
		}
	}

	private void serve(SocketChannel channel) {
		ServiceRequestObservationContext context = new ServiceRequestObservationContext(TRANSPORT);
		Observation observation = this.host.requestObservation(context, null).start();
		try (LineChannel connection = LineChannel.of(channel, this.maxRequestBytes);
				Observation.Scope scope = observation.openScope()) {
			String line = readRequest(connection, context);
			if (line != null) {
				try (Stream<Map<String, Object>> answers = answer(line, context, observation)) {
					Iterator<Map<String, Object>> lines = answers.iterator();
					while (lines.hasNext()) {
						Map<String, Object> envelope = lines.next();
						AppControlServiceHandler.recordFinal(envelope, context);
						connection.writeLine(AppControlJson.write(envelope), this.timeout);
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			observation.error(ex);
			logger.debug("Serving a connection on {} ended early", this.socket, ex);
		}
		finally {
			observation.stop();
			this.connections.release();
		}
	}

	/**
	 * The request as Python's {@code readline()} returns it (with its newline, empty when
	 * the client sent nothing), or null when the client is too slow; an oversized or
	 * undecodable line is answered here.
	 */
	private @Nullable String readRequest(LineChannel connection, ServiceRequestObservationContext context)
			throws IOException {
		try {
			String line = connection.readLine(this.timeout, true);
			return (line != null) ? line + "\n" : "";
		}
		catch (SocketTimeoutException ex) {
			logger.debug("No request line on {} within {}", this.socket, this.timeout);
			return null;
		}
		catch (LineTooLongException ex) {
			refuse(connection, ServiceRejection.failed(413, "request_too_large",
					"request line is longer than " + ex.getLimit() + " bytes"), context);
			connection.finishEarly(this.timeout);
			return null;
		}
		catch (CharacterCodingException ex) {
			refuse(connection, ServiceRejection.notUtf8(), context);
			return null;
		}
	}

	private void refuse(LineChannel connection, ServiceRejection rejection, ServiceRequestObservationContext context)
			throws IOException {
		this.host.rejected(TRANSPORT, rejection);
		context.setResponse(rejection.getResponse());
		connection.writeLine(rejection.getResponse().toJson(), this.timeout);
	}

	/**
	 * The envelopes answering one request line, in order. A stream's are produced as the
	 * command runs; closing the returned stream cancels it.
	 */
	private Stream<Map<String, Object>> answer(String line, ServiceRequestObservationContext context,
			Observation observation) {
		try {
			ServiceRequest request = this.host.accept(line);
			context.setRequest(request);
			return switch (request.action()) {
				case RUN ->
					Stream.of(ReactiveObservations.asParent(observation, this.host.run(request)).block().toMap());
				case SUBMIT -> Stream.of(this.host.submit(request).block().toMap());
				case POLL -> Stream.of(this.host.poll(request).toMap());
				case STREAM -> ReactiveObservations.asParent(observation, this.host.stream(request)).toStream(1);
			};
		}
		catch (ServiceRejection rejection) {
			this.host.rejected(TRANSPORT, rejection);
			return Stream.of(rejection.getResponse().toMap());
		}
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			logger.debug("Closing {} failed", closeable, ex);
		}
	}

}
