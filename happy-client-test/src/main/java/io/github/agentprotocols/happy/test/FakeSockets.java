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

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The Socket.IO connections of the fake daemon and its agents. They share one HTTP client
 * of their own whose dispatcher admits any number of connections: the Socket.IO client's
 * default one is shared by every socket of the JVM and runs at most 64 calls, and each
 * open WebSocket holds one, so the 64th agent of a JVM would never connect (each spawn
 * after it then waited out the client's 15 s for its agent).
 */
final class FakeSockets {

	private static final OkHttpClient http = http();

	private FakeSockets() {
	}

	/**
	 * A socket to the fake server's Socket.IO endpoint, not connected yet, reconnecting
	 * after 1 to 5 seconds as the CLI does.
	 * @param serverUrl the server
	 * @param auth the handshake's {@code auth}
	 * @return the socket
	 */
	static Socket socket(String serverUrl, Map<String, String> auth) {
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setPath(FakeHappyServer.SOCKET_PATH)
			.setTransports(new String[] { "websocket" })
			.setReconnectionDelay(1000)
			.setReconnectionDelayMax(5000)
			.build();
		options.callFactory = http;
		options.webSocketFactory = http;
		options.auth = auth;
		return IO.socket(URI.create(serverUrl), options);
	}

	private static OkHttpClient http() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(Integer.MAX_VALUE);
		dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
		return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(1, TimeUnit.MINUTES).build();
	}

}
