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

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.unix.LineChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a service client sending arbitrary bytes as the request envelope: as the body of
 * {@code POST /service} through {@link AppControlServiceHandler}, and as the request line
 * on the host's Unix socket ({@link UnixSocketServiceServer}, spec §8). Asserts that
 * every input gets an answer in the protocol's shape: a {@code service.response.v1}
 * envelope (after the {@code service.event.v1} lines of a stream), a failed one with a
 * 4xx status for a refusal, {@code request_too_large} above the size limit, never a 5xx,
 * a closed connection without an answer, or a wait past the bound; and that both
 * transports give a body without newlines the same answer, whether it is UTF-8 or not.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class ServiceEnvelopeFuzzTests {

	private static final String TOKEN = "local-token";

	/** The size limit of both transports, low enough for the fuzzer to cross. */
	private static final int MAX_REQUEST_BYTES = 2048;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private static AppControlServiceHost httpHost;

	private static AppControlServiceHost socketHost;

	private static WebTestClient http;

	private static Path directory;

	private static UnixSocketServiceServer server;

	@BeforeAll
	static void startHosts() throws IOException {
		httpHost = host();
		http = WebTestClient
			.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/service"),
					new AppControlServiceHandler(httpHost, MAX_REQUEST_BYTES)))
			.configureClient()
			.responseTimeout(TIMEOUT)
			.build();
		directory = Files.createTempDirectory("appcontrol-fuzz");
		socketHost = host();
		server = new UnixSocketServiceServer(socketHost, directory.resolve("service.sock"), MAX_REQUEST_BYTES,
				Duration.ofSeconds(2));
		server.start();
	}

	/**
	 * A host whose tool completes every command at once; one per transport, so that both
	 * see the same requests in the same order.
	 */
	private static AppControlServiceHost host() {
		return AppControlServiceHost
			.builder((command, observer) -> ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
					"Done.", command.input()), TOKEN)
			.commandTimeout(TIMEOUT)
			.build();
	}

	@AfterAll
	static void stopHosts() throws IOException {
		server.close();
		socketHost.close();
		httpHost.close();
		Files.deleteIfExists(directory);
	}

	@FuzzTest(maxDuration = "2m")
	void httpRequestBody(byte[] body) {
		Answer answer = overHttp(body);
		if (body.length > MAX_REQUEST_BYTES) {
			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.outcome()).isEqualTo("request_too_large");
		}
	}

	@FuzzTest(maxDuration = "2m")
	void unixSocketRequestLine(byte[] line) throws IOException {
		Answer answer = overUnixSocket(line, true);
		if (lineLength(line) > MAX_REQUEST_BYTES) {
			assertThat(answer.outcome()).isEqualTo("request_too_large");
		}
	}

	@FuzzTest(maxDuration = "2m")
	void bothTransportsGiveOneAnswer(byte[] input) throws IOException {
		byte[] body = withoutNewlines(input);
		Answer overHttp = overHttp(body);
		Answer overSocket = overUnixSocket(body, false);
		assertThat(overSocket.comparable()).as("outcome").isEqualTo(overHttp.comparable());
	}

	private static Answer overHttp(byte[] body) {
		EntityExchangeResult<String> result = http.post()
			.uri("/service")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		int status = result.getStatus().value();
		assertThat(status).as("HTTP status").isLessThan(500);
		String text = (result.getResponseBody() != null) ? result.getResponseBody() : "";
		MediaType contentType = result.getResponseHeaders().getContentType();
		ServiceResponse response;
		if (MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
			List<String> events = text.lines()
				.filter((line) -> line.startsWith("data:"))
				.map((line) -> line.substring(5))
				.toList();
			response = finalResponse(events);
		}
		else {
			response = response(text);
		}
		if (status >= 400) {
			assertThat(response.status()).as("outcome of a %s answer", status)
				.isIn(ServiceResponseStatus.FAILED, ServiceResponseStatus.NOT_FOUND);
		}
		return new Answer(status, outcome(response));
	}

	/**
	 * Sends a request over the socket, the line ended by a newline or by the end of the
	 * client's side of the connection.
	 */
	private static Answer overUnixSocket(byte[] line, boolean newline) throws IOException {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(server.getSocketPath()));
			ByteBuffer out = ByteBuffer.allocate(line.length + 1).put(line);
			if (newline) {
				out.put((byte) '\n');
			}
			out.flip();
			while (out.hasRemaining()) {
				channel.write(out);
			}
			channel.shutdownOutput();
			LineChannel in = LineChannel.of(channel, 1024 * 1024);
			List<String> lines = new ArrayList<>();
			for (String answer = in.readLine(TIMEOUT, false); answer != null; answer = in.readLine(TIMEOUT, false)) {
				lines.add(answer);
			}
			return new Answer(0, outcome(finalResponse(lines)));
		}
	}

	private static ServiceResponse finalResponse(List<String> lines) {
		assertThat(lines).as("answer lines").isNotEmpty();
		for (String event : lines.subList(0, lines.size() - 1)) {
			schemas.validateProtocolJson("service_event", event);
		}
		return response(lines.get(lines.size() - 1));
	}

	private static ServiceResponse response(String json) {
		return ServiceResponse.fromMap(schemas.validateProtocolJson("service_response", json));
	}

	/** The failure kind of a failed response, else its status. */
	private static String outcome(ServiceResponse response) {
		if (response.status() == ServiceResponseStatus.FAILED) {
			return response.error().failureKind();
		}
		return response.status().toString();
	}

	private static int lineLength(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	private static byte[] withoutNewlines(byte[] bytes) {
		ByteBuffer kept = ByteBuffer.allocate(bytes.length);
		for (byte b : bytes) {
			if (b != '\n') {
				kept.put(b);
			}
		}
		return Arrays.copyOf(kept.array(), kept.position());
	}

	/**
	 * The answer to one request.
	 *
	 * @param status the HTTP status, 0 over the socket
	 * @param outcome the failure kind of a failed answer, else its status
	 */
	record Answer(int status, String outcome) {

		/** The outcome, whether a submitted command was still running or not. */
		String comparable() {
			return "pending".equals(this.outcome) ? "complete" : this.outcome;
		}

	}

}
