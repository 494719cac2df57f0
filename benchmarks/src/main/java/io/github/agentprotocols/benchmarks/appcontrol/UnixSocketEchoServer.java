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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bare Unix-domain-socket echo server, the raw baseline of the app-control socket
 * figures: per connection it reads one line and writes it back, then closes the
 * connection, on a thread per connection as the service host does. Nothing is parsed.
 */
final class UnixSocketEchoServer implements AutoCloseable {

	private final Path socket;

	private final ServerSocketChannel listener;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "unix-socket-echo");
		thread.setDaemon(true);
		return thread;
	});

	private UnixSocketEchoServer(Path socket) throws IOException {
		this.socket = socket;
		this.listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		this.listener.bind(UnixDomainSocketAddress.of(socket));
		this.threads.execute(this::accept);
	}

	static UnixSocketEchoServer start(Path socket) throws IOException {
		return new UnixSocketEchoServer(socket);
	}

	/**
	 * One round trip as a client: connect, send the line, read it back, close.
	 * @param socket the server's socket file
	 * @param line the line, ending with a newline
	 * @return the bytes read back
	 * @throws IOException if the round trip fails
	 */
	static int roundTrip(Path socket, byte[] line) throws IOException {
		try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			channel.write(ByteBuffer.wrap(line));
			return readLine(channel).position();
		}
	}

	private void accept() {
		while (this.listener.isOpen()) {
			try {
				SocketChannel connection = this.listener.accept();
				this.threads.execute(() -> echo(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void echo(SocketChannel connection) {
		try (connection) {
			ByteBuffer line = readLine(connection);
			connection.write(line.flip());
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static ByteBuffer readLine(SocketChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		while (buffer.position() == 0 || buffer.get(buffer.position() - 1) != '\n') {
			if (channel.read(buffer) < 0) {
				throw new IOException("connection closed before the end of the line");
			}
		}
		return buffer;
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.threads.shutdownNow();
		Files.deleteIfExists(this.socket);
	}

}
