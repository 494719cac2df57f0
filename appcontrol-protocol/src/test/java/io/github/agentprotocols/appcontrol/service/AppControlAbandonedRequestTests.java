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

package io.github.agentprotocols.appcontrol.service;

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
 * A client that closes its side of the connection before the body it announced has
 * arrived leaves the request incomplete: that is the peer's doing, answered 400
 * {@code invalid_json} (if the client still reads) and logged at DEBUG, never an ERROR
 * and a 500. A chunked body that Reactor Netty cannot decode is answered 400 by Reactor
 * Netty itself after the request has reached the handler, whose own answer is then
 * dropped at DEBUG (it failed, {@code Status and headers already sent}, logged at ERROR
 * as a 500), unless the connection's close ended the handling first (DEBUG too,
 * {@code ClosedConnectionWebFilter}). Both found by the whole-server fuzzing over the
 * wire, {@code benchmarks/}.
 */
@SpringBootTest(classes = DesktopToolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"logging.level.io.github.agentprotocols.appcontrol.service.AppControlServiceHandler=debug",
				"logging.level.io.github.agentprotocols.commons.web.UnlessAlreadyAnswered=debug",
				"logging.level.io.github.agentprotocols.commons.web.ClosedConnectionWebFilter=debug" })
@ExtendWith(OutputCaptureExtension.class)
class AppControlAbandonedRequestTests {

	@LocalServerPort
	int port;

	@Test
	void aBodyCutShortByTheClientIsRefusedAndNotAnErrorOfTheServer(CapturedOutput output) throws Exception {
		String answer = RawHttp.abandoned(this.port,
				"POST /app-control/service HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n",
				"{\"schema\":\"app_control.service.request.v1\",\"action\":");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("app-control service request abandoned by the client"));
		if (!answer.isEmpty()) {
			assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"failureKind\":\"invalid_json\"");
		}
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("500 Server Error");
	}

	@Test
	void aChunkNotEndedByCrLfIsAnsweredByTheServerWithoutAnError(CapturedOutput output) throws Exception {
		String answer = RawHttp.undecodableChunk(this.port,
				"POST /app-control/service HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("Request already answered by the web server")
					|| output.getOut().contains("the request's handling ended"));
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("Status and headers already sent");
	}

}
