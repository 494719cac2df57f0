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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long-polling requests for a session the server does not know, as a client sends them
 * when its session has just ended (its last poll, or a message racing the close): the
 * Engine.IO answer of the Node.js server, 400 {@code Session ID unknown}, and nothing
 * logged as an error, since nothing is wrong on the server.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ExtendWith(OutputCaptureExtension.class)
class UnknownSessionTests {

	private static final String UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET", "POST" })
	void requestForAnUnknownSessionIsAnswered400WithoutAnErrorLogged(String method, CapturedOutput output)
			throws IOException, InterruptedException {
		HttpResponse<String> response = send(method, UUID.randomUUID().toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(UNKNOWN);
		assertThat(output).doesNotContain("is not registered").doesNotContain(" ERROR ");
	}

	@Test
	void sessionIdThatIsNoUuidIsUnknown(CapturedOutput output) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", "not-a-session");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(UNKNOWN);
		assertThat(output).doesNotContain(" ERROR ");
	}

	private HttpResponse<String> send(String method, String sid) throws IOException, InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling&sid=" + sid);
		return this.http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.method(method,
					method.equals("POST") ? BodyPublishers.ofString("42[\"thread:leave\",{}]")
							: BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
	}

}
