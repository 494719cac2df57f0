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

package io.github.agentprotocols.appcontrol.unix;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One connection of newline-delimited JSON over a Unix domain socket: lines of UTF-8
 * text, each ended by {@code \n}, read and written under a deadline. A line longer than
 * the limit is a {@link LineTooLongException}, a deadline that passes a
 * {@link SocketTimeoutException} (the connection is closed then), bytes that are not
 * UTF-8 a {@link CharacterCodingException}. Not thread-safe: one thread reads and writes.
 */
public final class LineChannel implements Closeable {

	private static final ScheduledThreadPoolExecutor alarms = alarms();

	private final SocketChannel channel;

	private final int maxLineBytes;

	private final ByteBuffer in = ByteBuffer.allocate(8192).flip();

	private byte[] line = new byte[1024];

	private volatile boolean expired;

	private LineChannel(SocketChannel channel, int maxLineBytes) {
		this.channel = channel;
		this.maxLineBytes = maxLineBytes;
	}

	/**
	 * Connects to the socket file at {@code path}.
	 * @param path the socket file
	 * @param timeout how long connecting may take
	 * @param maxLineBytes the longest line accepted, without its newline
	 * @return the connection
	 * @throws IOException if the connection cannot be made: a
	 * {@link java.net.SocketException} for a missing socket file, a
	 * {@link java.net.ConnectException} when nothing listens, a
	 * {@link SocketTimeoutException} when the deadline passes
	 */
	public static LineChannel connect(Path path, Duration timeout, int maxLineBytes) throws IOException {
		SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		LineChannel connection = new LineChannel(channel, maxLineBytes);
		try {
			connection.withDeadline(timeout, () -> channel.connect(UnixDomainSocketAddress.of(path)));
			return connection;
		}
		catch (IOException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * Wraps an accepted connection.
	 * @param channel the connection, in blocking mode
	 * @param maxLineBytes the longest line accepted, without its newline
	 * @return the connection
	 */
	public static LineChannel of(SocketChannel channel, int maxLineBytes) {
		return new LineChannel(channel, maxLineBytes);
	}

	/**
	 * Writes one line: the text, then {@code \n}.
	 * @param text the text, which must not contain a line break
	 * @param timeout how long writing may take
	 * @throws IOException if the line cannot be written in time
	 */
	public void writeLine(String text, Duration timeout) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ByteBuffer out = ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length + 1));
		out.put(bytes.length, (byte) '\n');
		withDeadline(timeout, () -> {
			while (out.hasRemaining()) {
				this.channel.write(out);
			}
			return null;
		});
	}

	/**
	 * Reads the next line, waiting for it until the deadline.
	 * @param timeout how long to wait for the whole line
	 * @param endOfStreamEndsLine whether the end of the stream also ends a line, as a
	 * Python {@code readline()} lets it; if false, a line cut short by the end of the
	 * stream is an {@link EOFException}
	 * @return the line without its {@code \n}, or null if the stream ended before it
	 * began
	 * @throws IOException if no whole line arrives in time, or it is too long or not
	 * UTF-8
	 */
	public @Nullable String readLine(Duration timeout, boolean endOfStreamEndsLine) throws IOException {
		return withDeadline(timeout, () -> readLine(endOfStreamEndsLine));
	}

	private @Nullable String readLine(boolean endOfStreamEndsLine) throws IOException {
		int length = 0;
		while (true) {
			byte[] buffer = this.in.array();
			int start = this.in.position();
			int end = this.in.limit();
			int newline = start;
			while (newline < end && buffer[newline] != '\n') {
				newline++;
			}
			int taken = newline - start;
			if (length + taken > this.maxLineBytes) {
				throw new LineTooLongException(this.maxLineBytes);
			}
			append(buffer, start, taken, length);
			length += taken;
			if (newline < end) {
				this.in.position(newline + 1);
				return decode(length);
			}
			this.in.clear();
			int read = this.channel.read(this.in);
			this.in.flip();
			if (read < 0) {
				if (length == 0) {
					return null;
				}
				if (endOfStreamEndsLine) {
					return decode(length);
				}
				throw new EOFException(
						"connection closed in the middle of a line (" + length + " bytes without a newline)");
			}
		}
	}

	private void append(byte[] buffer, int start, int count, int length) {
		if (length + count > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(length + count, this.line.length * 2));
		}
		System.arraycopy(buffer, start, this.line, length, count);
	}

	private String decode(int length) throws CharacterCodingException {
		CharBuffer text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(this.line, 0, length));
		return text.toString();
	}

	/**
	 * Ends the conversation early: tells the peer that nothing more will be written, then
	 * reads and drops what it still sends until it closes its side, so that closing does
	 * not reset the connection before the peer has read what was written.
	 * @param timeout how long to wait for the peer to close its side
	 * @throws IOException if the connection fails
	 */
	public void finishEarly(Duration timeout) throws IOException {
		this.channel.shutdownOutput();
		try {
			withDeadline(timeout, () -> {
				ByteBuffer rest = ByteBuffer.allocate(8192);
				while (this.channel.read(rest.clear()) >= 0) {
					// dropped
				}
				return null;
			});
		}
		catch (SocketTimeoutException ex) {
			// the peer keeps sending: close anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	/**
	 * One daemon thread closing the connections whose deadline passed. Deadlines met are
	 * removed at once, not when they would have passed.
	 */
	private static ScheduledThreadPoolExecutor alarms() {
		ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "app-control-unix-socket-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		alarms.setRemoveOnCancelPolicy(true);
		return alarms;
	}

	private <T> T withDeadline(Duration timeout, Operation<T> operation) throws IOException {
		long nanos = (timeout.getSeconds() < Long.MAX_VALUE / 1_000_000_000L) ? timeout.toNanos() : Long.MAX_VALUE;
		ScheduledFuture<?> alarm = alarms.schedule(this::expire, nanos, TimeUnit.NANOSECONDS);
		try {
			return operation.run();
		}
		catch (ClosedChannelException ex) {
			throw this.expired ? timedOut(timeout, ex) : ex;
		}
		finally {
			alarm.cancel(false);
		}
	}

	private void expire() {
		this.expired = true;
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// closing is all the alarm can do
		}
	}

	private static SocketTimeoutException timedOut(Duration timeout, IOException cause) {
		SocketTimeoutException ex = new SocketTimeoutException("deadline of " + timeout.toMillis() + " ms passed");
		ex.initCause(cause);
		return ex;
	}

	@FunctionalInterface
	private interface Operation<T> {

		T run() throws IOException;

	}

}
