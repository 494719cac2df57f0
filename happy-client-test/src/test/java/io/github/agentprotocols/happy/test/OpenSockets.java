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
