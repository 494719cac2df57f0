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

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.unix.LineChannel;

/**
 * A {@link HelperTransport} over the desktop helper's Unix domain socket (the
 * configuration's {@code helper.endpoint}): per command one connection, one
 * {@code helper.request.v1} line out (carrying the helper token), one reply line in.
 * <p>
 * Connecting and writing wait at most the transport's timeout (upstream uses
 * {@code computer_use.timeout_ms}); the reply is awaited as long, or for the command's
 * own {@code timeoutMs} plus {@link #REPLY_GRACE} when that is longer, so that a helper's
 * {@code timeout} observation arrives before the transport gives up. Every failure is an
 * {@link AppControlTransportException} that says what happened: no socket file, nothing
 * listening, no answer in time, a reply cut short or longer than the limit, a reply that
 * is not JSON.
 */
public class UnixSocketHelperTransport implements HelperTransport {

	/** The longest reply line accepted by default: 16 MiB. */
	public static final int DEFAULT_MAX_REPLY_BYTES = 16 * 1024 * 1024;

	/** How much longer than a command's {@code timeoutMs} a reply is awaited. */
	public static final Duration REPLY_GRACE = Duration.ofSeconds(1);

	private final UnixSocketPeer helper;

	private final Duration timeout;

	/**
	 * A transport accepting replies up to {@link #DEFAULT_MAX_REPLY_BYTES}.
	 * @param socket the helper's socket file
	 * @param timeout how long connecting, writing and, for commands without a longer
	 * {@code timeoutMs}, waiting for the reply may take
	 */
	public UnixSocketHelperTransport(Path socket, Duration timeout) {
		this(socket, timeout, DEFAULT_MAX_REPLY_BYTES);
	}

	/**
	 * A transport.
	 * @param socket the helper's socket file
	 * @param timeout how long connecting, writing and, for commands without a longer
	 * {@code timeoutMs}, waiting for the reply may take
	 * @param maxReplyBytes the longest reply line accepted, in bytes
	 */
	public UnixSocketHelperTransport(Path socket, Duration timeout, int maxReplyBytes) {
		this.helper = new UnixSocketPeer("helper", socket, maxReplyBytes);
		this.timeout = timeout;
	}

	@Override
	public Map<String, ?> exchange(HelperRequest request) {
		Duration replyTimeout = replyTimeout(request);
		String reply;
		try (LineChannel connection = this.helper.connect(this.timeout)) {
			connection.writeLine(request.toJson(), this.timeout);
			reply = connection.readLine(replyTimeout, false);
		}
		catch (IOException ex) {
			throw this.helper.failure(ex, replyTimeout);
		}
		if (reply == null) {
			throw this.helper.failure("closed the connection without a reply", null);
		}
		try {
			return AppControlJson.readObject(reply);
		}
		catch (ProtocolValidationException ex) {
			throw this.helper.failure("sent a reply that is not a JSON object: " + ex.getMessage(), ex);
		}
	}

	private Duration replyTimeout(HelperRequest request) {
		Long timeoutMs = request.command().timeoutMs();
		if (timeoutMs == null) {
			return this.timeout;
		}
		Duration command = Duration.ofMillis(timeoutMs).plus(REPLY_GRACE);
		return (command.compareTo(this.timeout) > 0) ? command : this.timeout;
	}

}
