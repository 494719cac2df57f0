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

import java.time.Duration;

import io.github.agentprotocols.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long-polling request whose client leaves before its body has arrived, or whose body
 * Reactor Netty cannot decode (and answers 400 itself), is the peer's doing: the bridge
 * forwards nothing and logs it at DEBUG (or the connection's close ends the handling
 * first, DEBUG too), never a {@code 502} as if the Socket.IO server were unreachable.
 * Found by the whole-server fuzzing over the wire, {@code benchmarks/}.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"logging.level.io.github.agentprotocols.acp.socketio.SocketIoBridge=debug",
				"logging.level.io.github.agentprotocols.commons.web.ClosedConnectionWebFilter=debug",
				"acp.socketio.application-port=bridge" })
@ExtendWith(OutputCaptureExtension.class)
class BridgeAbandonedRequestTests {

	@LocalServerPort
	int port;

	@Test
	void aBodyCutShortByTheClientIsNotForwardedNorAnswered502(CapturedOutput output) throws Exception {
		String sid = new PollingClient(this.port).handshake();
		String answer = RawHttp.abandoned(this.port, "POST /socket.io/?EIO=4&transport=polling&sid=" + sid
				+ " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain;charset=UTF-8\r\n", "40{\"user\":");
		assertThat(answer).doesNotContain(" 502 ");
		awaitOutcome(output);
		assertThat(output.getOut()).doesNotContain("answered 502")
			.doesNotContain(" ERROR ")
			.contains("Request abandoned by the client before its body arrived, not forwarded: POST /socket.io/");
	}

	@Test
	void aChunkNotEndedByCrLfIsAnsweredByTheWebServerAlone(CapturedOutput output) throws Exception {
		String sid = new PollingClient(this.port).handshake();
		String answer = RawHttp.undecodableChunk(this.port, "POST /socket.io/?EIO=4&transport=polling&sid=" + sid
				+ " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain;charset=UTF-8\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		awaitOutcome(output);
		assertThat(output.getOut()).doesNotContain("answered 502")
			.doesNotContain(" ERROR ")
			.doesNotContain("Status and headers already sent")
			.containsAnyOf("Request already answered by the web server, the bridge's answer dropped: POST /socket.io/",
					"the request's handling ended: POST /socket.io/");
	}

	/**
	 * Waits until the bridge has dealt with the request: a line of its own or of the
	 * filter that ended its handling, or the error Spring logs when the bridge's answer
	 * fails.
	 */
	private static void awaitOutcome(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("not forwarded: ") || output.getOut().contains("answer dropped: ")
					|| output.getOut().contains("handling ended: ") || output.getOut().contains("answered 502")
					|| output.getOut().contains(" ERROR "));
	}

}
