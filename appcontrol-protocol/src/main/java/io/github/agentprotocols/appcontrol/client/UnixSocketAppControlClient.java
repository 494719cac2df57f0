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

package io.github.agentprotocols.appcontrol.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.unix.LineChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * A client of a local service host on a Unix domain socket, the Python peers' own wire
 * (spec §8): per request one connection and one request line; the host answers with one
 * response line or, for {@code stream}, one {@code service.event.v1} line per event and a
 * final {@code service.response.v1} line. Every envelope is validated against its schema
 * before it is sent and after it is received. The propagation fields of the requests'
 * observations are not sent: the request envelope is closed, so the host's spans start
 * new traces.
 */
public class UnixSocketAppControlClient extends AbstractServiceHostClient {

	/** How long {@link #create} waits for each answer line: five minutes. */
	public static final Duration DEFAULT_TIMEOUT = HttpAppControlClient.DEFAULT_TIMEOUT;

	/** The longest answer line accepted: 16 MiB. */
	public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

	private static final Duration CONNECT_TIMEOUT = HttpAppControlClient.DEFAULT_CONNECT_TIMEOUT;

	private final UnixSocketPeer host;

	private final Duration timeout;

	private final ServiceEnvelopes envelopes;

	/**
	 * A client.
	 * @param socket the host's socket file
	 * @param token the host's token, or null
	 * @param timeout how long to wait for each answer line (for a {@code stream}, for
	 * each event)
	 * @param schemas the validator
	 */
	public UnixSocketAppControlClient(Path socket, @Nullable String token, Duration timeout, ProtocolSchemas schemas) {
		super(token, "unix_socket");
		this.host = new UnixSocketPeer("app-control service", socket, MAX_LINE_BYTES);
		this.timeout = timeout;
		this.envelopes = new ServiceEnvelopes(schemas);
	}

	/**
	 * A client with a five minute timeout and the shared validator.
	 * @param socket the host's socket file
	 * @param token the host's token, or null
	 * @return the client
	 */
	public static UnixSocketAppControlClient create(Path socket, @Nullable String token) {
		return new UnixSocketAppControlClient(socket, token, DEFAULT_TIMEOUT, ProtocolSchemas.shared());
	}

	@Override
	protected ServiceResponse exchange(ServiceRequest request, Map<String, String> propagation) {
		String line;
		try (LineChannel connection = send(request)) {
			line = connection.readLine(this.timeout, false);
		}
		catch (IOException ex) {
			throw this.host.failure(ex, this.timeout);
		}
		if (line == null) {
			throw this.host.failure("closed the connection without an answer", null);
		}
		ServiceResponse response = this.envelopes.response(ServiceEnvelopes.parse(line));
		if (response.status() == ServiceResponseStatus.FAILED) {
			throw ServiceEnvelopes.refused("Unix socket " + this.host.socket(), response.error());
		}
		return response;
	}

	@Override
	protected Flux<ToolEvent> stream(ServiceRequest request, Map<String, String> propagation) {
		return Flux
			.using(() -> send(request),
					(connection) -> Flux.generate((SynchronousSink<ToolEvent> sink) -> next(connection, sink)),
					UnixSocketAppControlClient::closeQuietly)
			.subscribeOn(Schedulers.boundedElastic());
	}

	private void next(LineChannel connection, SynchronousSink<ToolEvent> sink) {
		String line;
		try {
			line = connection.readLine(this.timeout, false);
		}
		catch (IOException ex) {
			sink.error(this.host.failure(ex, this.timeout));
			return;
		}
		if (line == null) {
			sink.error(this.host.failure("closed the connection before the final response line", null));
			return;
		}
		Map<String, Object> envelope = ServiceEnvelopes.parse(line);
		if (ServiceEnvelopes.isEvent(envelope)) {
			sink.next(this.envelopes.event(envelope).event());
			return;
		}
		ServiceResponse response = this.envelopes.response(envelope);
		if (response.status() != ServiceResponseStatus.COMPLETE) {
			sink.error(ServiceEnvelopes.refused("Unix socket " + this.host.socket(), response.error()));
		}
		else {
			sink.complete();
		}
	}

	private LineChannel send(ServiceRequest request) {
		this.envelopes.checked(request);
		LineChannel connection = this.host.connect(CONNECT_TIMEOUT);
		try {
			connection.writeLine(request.toJson(), this.timeout);
			return connection;
		}
		catch (IOException ex) {
			closeQuietly(connection);
			throw this.host.failure(ex, this.timeout);
		}
	}

	private static void closeQuietly(LineChannel connection) {
		try {
			connection.close();
		}
		catch (IOException ex) {
			// nothing more to do with a connection that is done
		}
	}

}
