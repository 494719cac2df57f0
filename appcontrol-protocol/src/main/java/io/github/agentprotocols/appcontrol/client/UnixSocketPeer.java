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

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.unix.LineChannel;
import io.github.agentprotocols.appcontrol.unix.LineTooLongException;
import org.jspecify.annotations.Nullable;

/**
 * A peer reached over its Unix domain socket, and the
 * {@link AppControlTransportException} that says what went wrong talking to it: no socket
 * file, nothing listening, no answer in time, a line cut short, longer than the limit or
 * not UTF-8.
 */
final class UnixSocketPeer {

	private final String name;

	private final Path socket;

	private final int maxLineBytes;

	/**
	 * A peer.
	 * @param name what the peer is called in messages, such as {@code helper}
	 * @param socket its socket file
	 * @param maxLineBytes the longest line accepted from it
	 */
	UnixSocketPeer(String name, Path socket, int maxLineBytes) {
		this.name = name;
		this.socket = socket;
		this.maxLineBytes = maxLineBytes;
	}

	Path socket() {
		return this.socket;
	}

	LineChannel connect(Duration timeout) {
		if (!Files.exists(this.socket)) {
			throw failure("has no socket: " + this.socket + " does not exist (is it running?)", null);
		}
		try {
			return LineChannel.connect(this.socket, timeout, this.maxLineBytes);
		}
		catch (ConnectException ex) {
			throw failure("refused the connection (nothing listens on " + this.socket + ")", ex);
		}
		catch (SocketTimeoutException ex) {
			throw failure("could not be connected to within " + timeout.toMillis() + " ms", ex);
		}
		catch (SocketException ex) {
			throw failure("cannot be reached at " + this.socket + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw failure("cannot be reached: " + ex, ex);
		}
	}

	/**
	 * The failure of an exchange with the peer.
	 * @param ex what the connection threw
	 * @param timeout the deadline that was in force
	 * @return the exception to throw
	 */
	AppControlTransportException failure(IOException ex, Duration timeout) {
		if (ex instanceof SocketTimeoutException) {
			return failure("did not answer within " + timeout.toMillis() + " ms", ex);
		}
		if (ex instanceof LineTooLongException tooLong) {
			return failure("sent a line longer than " + tooLong.getLimit() + " bytes", ex);
		}
		if (ex instanceof EOFException) {
			return failure("closed the connection in the middle of a line: " + ex.getMessage(), ex);
		}
		if (ex instanceof CharacterCodingException) {
			return failure("sent a line that is not UTF-8 text", ex);
		}
		return failure("failed: " + ex, ex);
	}

	AppControlTransportException failure(String what, @Nullable Throwable cause) {
		return new AppControlTransportException(this.name + " at " + this.socket + " " + what, cause);
	}

}
