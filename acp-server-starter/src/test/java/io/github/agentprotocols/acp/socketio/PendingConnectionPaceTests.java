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

package io.github.agentprotocols.acp.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many more clients than {@code acp.socketio.max-pending-connections} connect, each at
 * its own pace, few of them pending at any moment: every one gets in, since only the
 * sessions waiting for their namespace connect count, not every handshake of the last
 * second. A reconnect storm after a restart is such a crowd.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.max-pending-connections=" + PendingConnectionPaceTests.LIMIT })
class PendingConnectionPaceTests extends SocketIoHttpTests {

	static final int LIMIT = 6;

	@Test
	void clientsConnectingOneAfterTheOtherBeyondTheLimitAllGetIn() {
		for (int port : ports()) {
			for (int i = 0; i < 3 * LIMIT; i++) {
				connect(port, i);
			}
		}
	}

	@Test
	void reconnectStormOfManyTimesTheLimitWithHalfTheLimitAtOnceAllGetsIn() throws Exception {
		ExecutorService storm = Executors.newFixedThreadPool(LIMIT / 2);
		try {
			List<Future<?>> connects = new ArrayList<>();
			for (int i = 0; i < 50 * LIMIT; i++) {
				int client = i;
				connects.add(storm.submit(() -> connect(this.port, client)));
			}
			for (Future<?> connect : connects) {
				connect.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		finally {
			storm.shutdownNow();
		}
	}

	/**
	 * Opens a session, connects it to the main namespace and closes it.
	 */
	private static void connect(int port, int client) {
		try (RawEngineIoSocket socket = RawEngineIoSocket.open(port)) {
			socket.send("40{\"user\":\"alice\"}");
			assertThat(socket.next()).as("port %d, client %d", port, client).startsWith("40{\"sid\"");
		}
	}

}
