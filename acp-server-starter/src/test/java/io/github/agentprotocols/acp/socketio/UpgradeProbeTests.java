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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.testsupport.RawHttp;
import io.github.agentprotocols.testsupport.RawWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client upgrading to WebSocket pauses its long-polling once its probe is answered and
 * sends the upgrade when its poll in flight returns. The poll it waits on may be one sent
 * after the probe's noop answered the one before (Socket.IO's client polls again as soon
 * as a poll returns, and the probe's answer arrives on another connection): that poll is
 * answered at once with a noop, as the Node.js server answers polls while an upgrade is
 * pending. netty-socketio left it waiting, so the client sent nothing (its messages wait
 * for the upgrade) until the upgrade timeout closed the session 10 s later.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0" })
class UpgradeProbeTests {

	/**
	 * Half of netty-socketio's upgrade timeout, which ends a session whose upgrade
	 * stalls.
	 */
	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	@LocalServerPort
	int applicationPort;

	@Autowired
	AcpSocketIoServer server;

	private final ExecutorService polls = Executors.newCachedThreadPool();

	@AfterEach
	void stopPolls() {
		this.polls.shutdownNow();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aPollSentAfterTheProbesNoopIsAnsweredAtOnceAndTheUpgradeCompletes(boolean throughTheBridge) throws Exception {
		int port = throughTheBridge ? this.applicationPort : this.server.port();
		Matcher sid = SID.matcher(request(port, "GET", "", ""));
		assertThat(sid.find()).isTrue();
		String session = "&sid=" + sid.group(1);
		assertThat(request(port, "POST", session, "40{\"user\":\"alice\"}")).isEqualTo("ok");
		assertThat(request(port, "GET", session, "")).startsWith("40{\"sid\":");
		CompletableFuture<String> waiting = poll(port, session);
		try (RawWebSocket webSocket = RawWebSocket.open(port,
				"/socket.io/?EIO=4&transport=websocket&sid=" + sid.group(1))) {
			webSocket.sendText("2probe");
			assertThat(webSocket.nextText()).isEqualTo("3probe");
			assertThat(waiting).succeedsWithin(BOUND).isEqualTo("6");
			assertThat(poll(port, session)).as("the poll sent after the probe's noop")
				.succeedsWithin(BOUND)
				.isEqualTo("6");
			webSocket.sendText("5");
			webSocket.sendText("421[\"thread:join\",{}]");
			assertThat(webSocket.nextText()).as("the session, upgraded, answers over the WebSocket")
				.startsWith("431[{\"error\":");
		}
	}

	private CompletableFuture<String> poll(int port, String session) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return request(port, "GET", session, "");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, this.polls);
	}

	/**
	 * Sends a long-polling request on a connection of its own.
	 * @return the answer's body
	 */
	private static String request(int port, String method, String session, String body) throws IOException {
		String answer = RawHttp.exchange(port, method + " /socket.io/?EIO=4&transport=polling" + session
				+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
				+ "Content-Length: " + body.length() + "\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 200 ");
		return answer.substring(answer.indexOf("\r\n\r\n") + 4);
	}

}
