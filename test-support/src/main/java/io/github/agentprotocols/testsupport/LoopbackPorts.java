package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether something listens on a loopback port, for tests that check a server is up or
 * has stopped.
 */
public final class LoopbackPorts {

	private LoopbackPorts() {
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
