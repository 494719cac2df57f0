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

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.unix.LineChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service host's two transports side by side for the fuzz tests: the HTTP route
 * ({@link AppControlServiceHandler} through {@link WebTestClient}) and a real
 * {@link UnixSocketServiceServer}, each in front of a host of its own whose tool
 * completes every command at once, so that both see the same requests in the same order.
 * Every answer is checked to be in the protocol's shape: schema-valid envelopes, never a
 * 5xx, a 4xx only with a {@code failed} or {@code not_found} envelope.
 */
final class TwoTransports implements Closeable {

	/** The token both hosts expect. */
	static final String TOKEN = "local-service-token";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private final AppControlServiceHost httpHost;

	private final AppControlServiceHost socketHost;

	private final WebTestClient http;

	private final Path directory;

	private final UnixSocketServiceServer server;

	/**
	 * Starts both transports.
	 * @param maxRequestBytes the size limit of both
	 * @throws IOException if the socket cannot be bound
	 */
	TwoTransports(int maxRequestBytes) throws IOException {
		this.httpHost = host();
		this.http = WebTestClient
			.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/service"),
					new AppControlServiceHandler(this.httpHost, maxRequestBytes)))
			.configureClient()
			.responseTimeout(TIMEOUT)
			.build();
		this.directory = Files.createTempDirectory("appcontrol-fuzz");
		this.socketHost = host();
		this.server = new UnixSocketServiceServer(this.socketHost, this.directory.resolve("service.sock"),
				maxRequestBytes, Duration.ofSeconds(2));
		this.server.start();
	}

	private static AppControlServiceHost host() {
		return AppControlServiceHost
			.builder((command, observer) -> ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
					"Done.", command.input()), TOKEN)
			.commandTimeout(TIMEOUT)
			.build();
	}

	/**
	 * Posts a body to the HTTP route.
	 * @param body the body
	 * @return the answer
	 */
	Answer overHttp(byte[] body) {
		EntityExchangeResult<String> result = this.http.post()
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
		return Answer.of(status, response);
	}

	/**
	 * Sends a request over the socket, the line ended by a newline or by the end of the
	 * client's side of the connection.
	 * @param line the request line
	 * @param newline whether to end it with a newline
	 * @return the answer
	 * @throws IOException if the socket fails
	 */
	Answer overUnixSocket(byte[] line, boolean newline) throws IOException {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(this.server.getSocketPath()));
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
			return Answer.of(0, finalResponse(lines));
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

	@Override
	public void close() throws IOException {
		this.server.close();
		this.socketHost.close();
		this.httpHost.close();
		Files.deleteIfExists(this.directory);
	}

	/**
	 * The answer to one request.
	 *
	 * @param status the HTTP status, 0 over the socket
	 * @param outcome the failure kind of a failed answer, else its status
	 * @param pointer the refused value's pointer ({@code error.evidence.pointer}), or
	 * null
	 * @param keyword the refusal's keyword ({@code error.evidence.keyword}), or null
	 */
	record Answer(int status, String outcome, @Nullable Object pointer, @Nullable Object keyword) {

		static Answer of(int status, ServiceResponse response) {
			if (response.status() != ServiceResponseStatus.FAILED) {
				return new Answer(status, response.status().toString(), null, null);
			}
			Map<String, Object> evidence = response.error().evidence();
			return new Answer(status, response.error().failureKind(), evidence.get("pointer"), evidence.get("keyword"));
		}

		/**
		 * The answer as both transports must give it: the outcome, whether a submitted
		 * command was still running or not, with the refused value's pointer and keyword.
		 * @return the comparable form
		 */
		String comparable() {
			String outcome = "pending".equals(this.outcome) ? "complete" : this.outcome;
			return (this.pointer != null) ? outcome + " " + this.pointer + " " + this.keyword : outcome;
		}

	}

}
