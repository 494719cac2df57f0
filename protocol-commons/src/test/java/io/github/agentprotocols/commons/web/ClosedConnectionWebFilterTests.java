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

package io.github.agentprotocols.commons.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stream whose request's chunked body Reactor Netty cannot decode before the
 * first event is written: Reactor Netty answers 400 and closes the connection, and the
 * filter ends the stream's subscription, which nothing else cancels (without the filter
 * it stays subscribed). A stream already written is Reactor Netty's to end, when its
 * client leaves.
 */
class ClosedConnectionWebFilterTests {

	private static final String EVENTS_REQUEST = "GET /events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n";

	private final AtomicInteger subscribed = new AtomicInteger();

	private final AtomicInteger ended = new AtomicInteger();

	private DisposableServer server;

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@ParameterizedTest
	@ValueSource(strings = { "5\r\nabcdeXX", "zz\r\n" })
	void eventStreamOfARequestWhoseChunkCannotBeDecodedEndsWithItsConnection(String body) throws IOException {
		start();
		String answer = send(EVENTS_REQUEST + "Transfer-Encoding: chunked\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(this.subscribed).hasValue(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.ended).hasValue(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0\r\n\r\n", "" })
	void eventStreamOfARequestWithoutABrokenBodyGoesOn(String body) throws IOException {
		start();
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.getOutputStream()
				.write((EVENTS_REQUEST + (body.isEmpty() ? "" : "Transfer-Encoding: chunked\r\n") + "\r\n" + body)
					.getBytes(StandardCharsets.ISO_8859_1));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.subscribed).hasValue(1));
			assertThat(this.ended).hasValue(0);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.ended).hasValue(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5\r\nabcdeXX", "zz\r\n" })
	void eventStreamAlreadyWrittenIsEndedByTheWebServerWhenItsClientLeaves(String body) throws IOException {
		start(Flux.just("data:first\n\n"));
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((EVENTS_REQUEST + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			byte[] answer = new byte[256];
			String head = new String(answer, 0, socket.getInputStream().read(answer), StandardCharsets.ISO_8859_1);
			assertThat(head).startsWith("HTTP/1.1 200");
			out.write(body.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.ended).hasValue(1));
	}

	private void start() {
		start(Flux.empty());
	}

	/**
	 * Starts a server whose handler answers an event stream of the given events, then no
	 * more.
	 */
	private void start(Flux<String> first) {
		WebHandler events = (exchange) -> exchange.getResponse()
			.writeAndFlushWith(first.concatWith(Flux.never())
				.map((event) -> Flux
					.just(exchange.getResponse().bufferFactory().wrap(event.getBytes(StandardCharsets.UTF_8))))
				.doOnSubscribe((subscription) -> this.subscribed.incrementAndGet())
				.doFinally((signal) -> this.ended.incrementAndGet()));
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(
					WebHttpHandlerBuilder.webHandler(events).filter(new ClosedConnectionWebFilter()).build()))
			.bindNow();
	}

	/**
	 * Sends the request and reads the answer until the server closes the connection.
	 */
	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
