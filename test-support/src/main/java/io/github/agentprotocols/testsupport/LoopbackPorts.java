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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the servers that tests start: a free one to listen on, and whether
 * something listens on one, to check that a server is up or has stopped.
 */
public final class LoopbackPorts {

	/** The lowest port {@link #free()} gives. */
	static final int LOWEST = 10000;

	/** The first port of the kernel's ephemeral range. */
	static final int EPHEMERAL_START = ephemeralStart();

	private LoopbackPorts() {
	}

	/**
	 * A port that is free on the loopback interface now, below the kernel's ephemeral
	 * range: servers listening on port 0 and outgoing connections take their ports from
	 * that range, and one of them could take a port found free there before the server
	 * meant for it binds it.
	 * @return the port
	 */
	public static int free() {
		int highest = EPHEMERAL_START - 1;
		for (int attempt = 0; attempt < 100 && highest > LOWEST; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
			if (isFree(port)) {
				return port;
			}
		}
		return ephemeral();
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int ephemeral() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first port of the kernel's ephemeral range, 32768 where it cannot be read.
	 */
	private static int ephemeralStart() {
		try {
			// by lines: Files.readString stops at the size a /proc file reports
			return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
				.get(0)
				.trim()
				.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}

	/**
	 * Whether a TCP connection to {@code 127.0.0.1:port} is accepted within a second.
	 * @param port the port
	 * @return whether it was accepted
	 */
	public static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
