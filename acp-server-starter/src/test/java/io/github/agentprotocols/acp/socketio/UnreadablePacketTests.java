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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packet the Node.js server would not read ends the peer's session, as a parse error
 * does there: netty-socketio read more into some (a type from a letter's low bits, a
 * CONNECT after a packet that has no second type, the rest of a packet as another, an
 * acknowledgement id from any bytes before the {@code [}, one beyond what it can write
 * back) and connected such a peer to the main namespace without asking the authenticator,
 * or lost the answers queued with the acknowledgement. So does a packet for a namespace
 * the socket has not connected to, which the Node.js server closes the connection for.
 * Netty's leak detector runs at {@code paranoid}: netty-socketio's encoder leaked the
 * buffers of an acknowledgement whose id it could not write back.
 */
@ExtendWith(NettyLeakDetection.class)
@SpringBootTest(classes = SocketIoFuzzTests.FuzzApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class UnreadablePacketTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "0", "00", "60", "30", "10", "50", "t0", "4140", "41/x,40", "7", "4x", "42[\"x\"]" })
	void endsTheSessionWithoutConnectingIt(String packet) throws Exception {
		PollingClient client = new PollingClient(this.port);
		String sid = client.handshake();
		assertThat(client.post(sid, packet).statusCode()).isIn(200, 400);
		HttpResponse<String> poll = client.poll(sid);
		assertThat(poll.body()).doesNotContain("40{\"sid\"");
		assertEnded(client, sid);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "422147483648[\"x\"]", "4212345678901[\"x\"]", "42/A[\"x\"]", "42;A[\"x\"]", "42,1[\"x\"]",
			"45x-[\"x\"]", "42/A,[\"x\"]" })
	void endsTheSessionOfAConnectedSocket(String packet) throws Exception {
		PollingClient client = new PollingClient(this.port);
		String sid = connected(client);
		assertThat(client.post(sid, packet).statusCode()).isIn(200, 400);
		HttpResponse<String> poll = client.poll(sid);
		assertThat(poll.statusCode()).isIn(200, 400);
		assertEnded(client, sid);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2", "2probe", "3", "6", "42[\"thread:leave\",{}]\u001e42[\"x\"]", "422147483647[\"x\"]" })
	void keepsTheSessionOfAPacketItReads(String packet) throws Exception {
		PollingClient client = new PollingClient(this.port);
		String sid = connected(client);
		assertThat(client.post(sid, packet).statusCode()).isEqualTo(200);
		assertThat(client.post(sid, "429[\"thread:leave\",{\"thread_id\":\"t\"}]").statusCode()).isEqualTo(200);
		String answers = client.poll(sid).body();
		if (!answers.contains("439[")) {
			answers = client.poll(sid).body();
		}
		assertThat(answers).contains("439[");
		client.post(sid, "1");
	}

	@Test
	void answersAPostOnceItsPacketsAreRead() throws Exception {
		PollingClient client = new PollingClient(this.port);
		String sid = client.handshake();
		String pings = "2\u001e".repeat(10_000);
		assertThat(client.postSlowToRead(sid, pings + "50").statusCode()).isEqualTo(200);
		HttpResponse<String> connect = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(client.uri("/socket.io/?EIO=4&transport=polling&sid=" + sid))
				.timeout(PollingClient.TIMEOUT)
				.POST(BodyPublishers.ofString("40{\"user\":\"alice\"}"))
				.build(), BodyHandlers.ofString());
		assertThat(connect.statusCode()).isEqualTo(400);
	}

	private static String connected(PollingClient client) throws Exception {
		String sid = client.handshake();
		assertThat(client.post(sid, "40{\"user\":\"alice\"}").statusCode()).isEqualTo(200);
		assertThat(client.poll(sid).body()).startsWith("40{\"sid\"");
		return sid;
	}

	private static void assertEnded(PollingClient client, String sid) throws Exception {
		HttpResponse<String> connect = client.post(sid, "40{\"user\":\"alice\"}");
		assertThat(connect.statusCode()).isEqualTo(400);
		assertThat(connect.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
	}

}
