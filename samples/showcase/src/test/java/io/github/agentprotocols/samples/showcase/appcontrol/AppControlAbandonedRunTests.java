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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.agentprotocols.samples.showcase.ShowcaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run whose body the client cuts short (a {@code Content-Length} longer than what it
 * sends before closing its side) is the peer's doing: the app-control page's endpoint
 * answers it as the service host does, 400, never ERROR and 500 (found by the
 * whole-server fuzzing over the wire, {@code benchmarks/}).
 */
@ShowcaseTest
@ExtendWith(OutputCaptureExtension.class)
class AppControlAbandonedRunTests {

	@LocalServerPort
	int port;

	@Test
	void aRunCutShortByTheClientIsRefusedAndNotAnErrorOfTheServer(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /app-control/demo/runs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000\r\n\r\n{\"operation\":")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.shutdownOutput();
			socket.getInputStream().readAllBytes();
		}
		// the showcase logs each demo call's status once it is answered
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("POST /app-control/demo/runs -> "));
		assertThat(output.getOut()).contains("POST /app-control/demo/runs -> 400 BAD_REQUEST")
			.doesNotContain("500 Server Error for HTTP POST \"/app-control/demo/runs\"");
	}

}
