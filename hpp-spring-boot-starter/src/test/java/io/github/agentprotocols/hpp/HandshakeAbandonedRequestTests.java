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
 * A client that closes its connection before the body it announced has arrived leaves the
 * request unanswerable: that is the peer's doing, logged at DEBUG, never an ERROR and a
 * 500 (found by the whole-server fuzzing over the wire, {@code benchmarks/}).
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.github.agentprotocols.hpp.web.HandshakeHandlers=debug")
@ExtendWith(OutputCaptureExtension.class)
class HandshakeAbandonedRequestTests extends RunningServerTests {

	@Test
	void aBodyCutShortByTheClientIsNotAnErrorOfTheServer(CapturedOutput output) throws Exception {
		RawHttp.abandoned(this.port,
				"POST /handshake/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n",
				"{\"mode\":\"form-fill\",");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("Handshake request abandoned by the client"));
		assertThat(output.getOut()).doesNotContain("Handshake request failed");
	}

}
