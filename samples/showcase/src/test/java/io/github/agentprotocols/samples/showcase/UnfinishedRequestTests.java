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

package io.github.agentprotocols.samples.showcase;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests the client never finished, to each kind of the showcase's own endpoints: a
 * body cut short (a {@code Content-Length} longer than what the client sends before
 * closing its side) is answered 400, and a chunked body Reactor Netty cannot decode,
 * which it answers 400 itself after the request has reached its controller, leaves the
 * controller's answer dropped, unless the connection's close ended the handling first
 * ({@code ClosedConnectionWebFilter}); neither is an ERROR of the server (Spring logged
 * both as {@code 500 Server Error}; found by the whole-server fuzzing over the wire,
 * {@code benchmarks/}).
 */
@ShowcaseTest
@ExtendWith(OutputCaptureExtension.class)
class UnfinishedRequestTests {

	private static final String HANDLER = ShowcaseApplication.class.getPackageName() + ".UnfinishedRequestHandler";

	private static final String FILTER = "io.github.agentprotocols.commons.web.ClosedConnectionWebFilter";

	private static final String JSON_HEAD = " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void logTheHandlersDecisions() {
		this.logging.setLogLevel(HANDLER, LogLevel.DEBUG);
		this.logging.setLogLevel(FILTER, LogLevel.DEBUG);
	}

	@AfterEach
	void restoreLogLevel() {
		this.logging.setLogLevel(HANDLER, null);
		this.logging.setLogLevel(FILTER, null);
	}

	@Test
	void happySpawnCutShortIsAnswered400OrClosed(CapturedOutput output) throws Exception {
		String answer = RawHttp.abandoned(this.port, "POST /happy/sessions" + JSON_HEAD, "{\"machineId\":");
		assertRefusedOrClosed(answer);
		assertHandledWithoutError(output, "POST /happy/sessions");
	}

	@Test
	void happyPromptCutShortIsAnswered400OrClosed(CapturedOutput output) throws Exception {
		String answer = RawHttp.abandoned(this.port, "POST /happy/sessions/s1/messages" + JSON_HEAD, "{\"text\":\"hi");
		assertRefusedOrClosed(answer);
		assertHandledWithoutError(output, "POST /happy/sessions/s1/messages");
	}

	@Test
	void happyPromptWithAnUndecodableChunkIsAnsweredOnce(CapturedOutput output) throws Exception {
		String answer = RawHttp.undecodableChunk(this.port, "POST /happy/sessions/s1/messages" + JSON_HEAD);
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertHandledWithoutError(output, "POST /happy/sessions/s1/messages");
	}

	@Test
	void limeDemoAgentApprovalWithAnUndecodableChunkIsAnsweredOnce(CapturedOutput output) throws Exception {
		Map<?, ?> started = this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(started).isNotNull();
		String path = "/lime-login/demo-agent/" + started.get("requestId");
		String answer = RawHttp.undecodableChunk(this.port, "POST " + path + JSON_HEAD);
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertHandledWithoutError(output, "POST " + path);
	}

	@Test
	void appControlRunWithAnUndecodableChunkIsAnsweredOnce(CapturedOutput output) throws Exception {
		String answer = RawHttp.undecodableChunk(this.port, "POST /app-control/demo/runs" + JSON_HEAD);
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertHandledWithoutError(output, "POST /app-control/demo/runs");
	}

	private static void assertRefusedOrClosed(String answer) {
		if (!answer.isEmpty()) {
			assertThat(answer).startsWith("HTTP/1.1 400 ");
		}
	}

	/**
	 * Waits for the handler's decision on the request (dropped or refused), the end of
	 * its handling as its connection closed, or Spring's ERROR for it, then requires one
	 * of the first and no ERROR.
	 */
	private static void assertHandledWithoutError(CapturedOutput output, String request) {
		String dropped = request + " answered by the web server already";
		String refused = request + " abandoned by the client";
		String ended = "the request's handling ended: " + request;
		String[] path = request.split(" ", 2);
		String error = "500 Server Error for HTTP " + path[0] + " \"" + path[1] + "\"";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Stream.of(dropped, refused, ended, error).anyMatch(output.getOut()::contains));
		assertThat(output.getOut()).doesNotContain(error).containsAnyOf(dropped, refused, ended);
		assertThat(output.getOut().lines().filter((line) -> line.contains(" ERROR ") && line.contains(path[1])))
			.isEmpty();
	}

}
