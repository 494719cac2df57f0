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

package io.github.agentprotocols.appcontrol.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ToolCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HttpAppControlClient} against a host that answers with envelopes the protocol
 * refuses.
 */
class HttpAppControlClientTests {

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	private HttpAppControlClient clientAnswering(String contentType, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/service", (exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		URI endpoint = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/service");
		return HttpAppControlClient.builder(endpoint)
			.token("t")
			.timeout(Duration.ofSeconds(10))
			.httpClient(HttpClient.newHttpClient())
			.build();
	}

	@ParameterizedTest(name = "seq {0}")
	@ValueSource(strings = { "1e308", "123456789012345678901234567890.5" })
	void streamedEventWithAHugeNonIntegralSeqIsAnInvalidEnvelope(String seq) throws IOException {
		String event = "{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"r\",\"status\":\"event\","
				+ "\"success\":true,\"event\":{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\",\"seq\":" + seq
				+ ",\"type\":\"started\"}}";
		HttpAppControlClient client = clientAnswering("text/event-stream", "id:r\nevent:event\ndata:" + event + "\n\n");
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client.runStream(new ToolCommand("c", "t", "o")).blockLast())
			.withMessageContaining("invalid service_event envelope")
			.withCauseInstanceOf(ProtocolValidationException.class);
	}

	@Test
	void answerWhoseObservationIsNotAnObservationIsATransportFailure() throws IOException {
		String response = "{\"schema\":\"app_control.service.response.v1\",\"status\":\"complete\",\"success\":true,"
				+ "\"observation\":{\"commandId\":\"c\"}}";
		HttpAppControlClient client = clientAnswering("application/json", response);
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client.runCommand(new ToolCommand("c", "t", "o")))
			.withMessageContaining("invalid observation")
			.withCauseInstanceOf(ProtocolValidationException.class);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"schema\":", "{\"status\":\"complete\",\"status\":\"failed\"}" })
	void malformedAnswerIsATransportFailureThatSaysWhy(String body) throws IOException {
		HttpAppControlClient client = clientAnswering("application/json", body);
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client.runCommand(new ToolCommand("c", "t", "o")))
			.withMessageContaining("invalid JSON")
			.withCauseInstanceOf(ProtocolValidationException.class);
	}

}
