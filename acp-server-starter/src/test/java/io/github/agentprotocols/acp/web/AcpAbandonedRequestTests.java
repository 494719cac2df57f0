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

package io.github.agentprotocols.acp.web;

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
 * A client that closes its connection before the body it announced has arrived leaves the
 * request unanswerable: that is the peer's doing, logged at DEBUG, never an ERROR and a
 * 500. A chunked body that Reactor Netty cannot decode is answered 400 by Reactor Netty
 * itself after the request has reached the handler, whose own answer is then dropped at
 * DEBUG (it failed, {@code Status and headers already sent}, logged at ERROR as a 500),
 * unless the connection's close ended the handling first (DEBUG too,
 * {@code ClosedConnectionWebFilter}). Both found by the whole-server fuzzing over the
 * wire, {@code benchmarks/}.
 */
@SpringBootTest(classes = AcpRestTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"logging.level.io.github.agentprotocols.acp.web.AcpHandlers=debug",
				"logging.level.io.github.agentprotocols.commons.web.UnlessAlreadyAnswered=debug",
				"logging.level.io.github.agentprotocols.commons.web.ClosedConnectionWebFilter=debug" })
@ExtendWith(OutputCaptureExtension.class)
class AcpAbandonedRequestTests {

	@LocalServerPort
	int port;

	@Test
	void aBodyCutShortByTheClientIsNotAnErrorOfTheServer(CapturedOutput output) throws Exception {
		RawHttp.abandoned(this.port,
				"POST /acp/threads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-user: alice\r\n",
				"{\"metadata\":");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("ACP request abandoned by the client"));
		assertThat(output.getOut()).doesNotContain("ACP request failed");
	}

	@Test
	void aChunkNotEndedByCrLfIsAnsweredByTheServerWithoutAnError(CapturedOutput output) throws Exception {
		String answer = RawHttp.undecodableChunk(this.port,
				"POST /acp/threads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-user: alice\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("Request already answered by the web server")
					|| output.getOut().contains("the request's handling ended"));
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("Status and headers already sent");
	}

}
