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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.acp.autoconfigure.AcpSocketIoServerBuilderCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-polling request the Socket.IO server never answers is answered by the bridge
 * once the ping interval and a margin have passed, as the Node.js Engine.IO server
 * answers a failed request, rather than left hanging. netty-socketio leaves unanswered
 * the first of two overlapping polls of one session (the second takes its place): one of
 * the two is answered by the next ping, the other by the bridge.
 */
@SpringBootTest(classes = { SocketIoTestApplication.class, BridgeExchangeTimeoutTests.ShortPings.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ExtendWith(OutputCaptureExtension.class)
class BridgeExchangeTimeoutTests {

	private static final Duration PING_INTERVAL = Duration.ofSeconds(2);

	/** The ping interval, the bridge's margin (10 s), and room for a loaded machine. */
	private static final Duration BOUND = PING_INTERVAL.plusSeconds(10).plusSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Test
	void aPollTheServerLeavesUnansweredIsAnsweredBadRequestAfterThePingIntervalAndAMargin(CapturedOutput output)
			throws Exception {
		String sid = connectedSession();
		long start = System.nanoTime();
		CompletableFuture<HttpResponse<String>> first = this.http.sendAsync(poll(sid), BodyHandlers.ofString());
		CompletableFuture<HttpResponse<String>> second = this.http.sendAsync(poll(sid), BodyHandlers.ofString());
		assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(BOUND);
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		List<String> answers = List.of(answer(first.join()), answer(second.join()));
		assertThat(answers).containsExactlyInAnyOrder("200 2", "400 {\"code\":3,\"message\":\"Bad request\"}");
		assertThat(waited).as("the unanswered poll waited the ping interval at least").isGreaterThan(PING_INTERVAL);
		assertThat(output.getOut()).contains("The Socket.IO server did not answer a forwarded GET /socket.io/")
			.doesNotContain(" ERROR ");
	}

	private static String answer(HttpResponse<String> response) {
		return response.statusCode() + " " + response.body();
	}

	/**
	 * Opens a long-polling session, connects alice and reads the CONNECT, so that the
	 * next poll waits for the server.
	 */
	private String connectedSession() throws Exception {
		PollingClient client = new PollingClient(this.port);
		String sid = client.handshake();
		assertThat(client.post(sid, "40{\"user\":\"alice\"}").statusCode()).isEqualTo(200);
		assertThat(client.poll(sid).body()).startsWith("40{\"sid\":");
		return sid;
	}

	private HttpRequest poll(String sid) {
		return HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
			.timeout(BOUND.plusSeconds(10))
			.GET()
			.build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ShortPings {

		@Bean
		AcpSocketIoServerBuilderCustomizer shortPings() {
			return (builder) -> builder.pingInterval(PING_INTERVAL);
		}

	}

}
