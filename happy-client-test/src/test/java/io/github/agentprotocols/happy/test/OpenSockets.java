package io.github.agentprotocols.happy.test;

import java.util.ArrayList;
import java.util.List;

/**
 * The sockets a test opened on one account, closed together after the test.
 */
final class OpenSockets implements AutoCloseable {

	private final FakeHappyServer server;

	private final String token;

	private final List<HappySocket> opened = new ArrayList<>();

	OpenSockets(FakeHappyServer server, String token) {
		this.server = server;
		this.token = token;
	}

	HappySocket user() {
		return track(HappySocket.user(this.server, this.token));
	}

	HappySocket machine(String machineId) {
		return track(HappySocket.machine(this.server, this.token, machineId));
	}

	HappySocket session(String sessionId) {
		return track(HappySocket.session(this.server, this.token, sessionId));
	}

	HappySocket track(HappySocket socket) {
		this.opened.add(socket);
		return socket;
	}

	@Override
	public void close() {
		this.opened.forEach(HappySocket::close);
	}

}
