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

package io.github.agentprotocols.hpp;

import java.time.Duration;

import io.github.agentprotocols.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chunked body that Reactor Netty cannot decode (a chunk not ended by CR LF) is
 * answered 400 by Reactor Netty itself after the request has reached the handler; the
 * handler's own answer is then dropped at DEBUG, unless the connection's close ended the
 * handling first (DEBUG too, {@code ClosedConnectionWebFilter}), where it failed
 * ({@code Status and headers already sent}) and was logged at ERROR as a 500 (found by
 * the whole-server fuzzing over the wire, {@code benchmarks/}).
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.agentprotocols.commons.web.UnlessAlreadyAnswered=debug",
				"logging.level.io.github.agentprotocols.commons.web.ClosedConnectionWebFilter=debug" })
@ExtendWith(OutputCaptureExtension.class)
class HandshakeUndecodableBodyTests extends RunningServerTests {

	@Test
	void aChunkNotEndedByCrLfIsAnsweredByTheServerWithoutAnError(CapturedOutput output) throws Exception {
		Session session = create("{\"mode\":\"form-fill\"}");
		String answer = RawHttp.undecodableChunk(this.port,
				"POST /handshake/notify/" + session.sid()
						+ " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Handshake-Token: "
						+ session.token() + "\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("Request already answered by the web server")
					|| output.getOut().contains("the request's handling ended"));
		assertThat(this.http.get("/handshake/context/" + session.sid(), session.token()).status()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("Status and headers already sent");
	}

}
