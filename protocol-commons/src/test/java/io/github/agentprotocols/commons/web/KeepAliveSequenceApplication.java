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

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyPipeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application, run in a JVM of its own, that sends three requests one after the
 * other on one keep-alive connection and prints what became of each.
 * <p>
 * {@code GET /late} is answered, like an HPP endpoint, with a body built after a lookup
 * on another thread, and the end of its operations is held back until the next request
 * has been read ({@link WriteCompletionAfterNextRequest}). {@code GET /prompt} is
 * answered at once, on the event loop. The client sends {@code /late}, {@code /prompt},
 * {@code /prompt}: the second request arrives while the first one's operations are still
 * open, and the third is the one Reactor Netty never reads when
 * {@code reactor.netty.http.server.lastFlushWhenNoRead} is off. A last request on a new
 * connection shows that the server itself still answers.
 * <p>
 * Argument: the seconds to wait for each answer. Prints one line per request,
 * {@code <path> <status>} or {@code <path> unanswered}, then
 * {@code lastFlushWhenNoRead <value>}: the value Reactor Netty's HTTP server read.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class KeepAliveSequenceApplication {

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/late",
					(request) -> Mono.fromCallable(() -> "late")
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap((body) -> ServerResponse.ok()
							.header(WriteCompletionAfterNextRequest.HEADER, "true")
							.bodyValue(body)))
			.GET("/prompt", (request) -> ServerResponse.ok().bodyValue("prompt"))
			.build();
	}

	@Bean
	NettyServerCustomizer writeCompletionAfterNextRequest() {
		return (server) -> server.doOnChannelInit((observer, channel, address) -> channel.pipeline()
			.addBefore(NettyPipeline.HttpTrafficHandler, "writeCompletionAfterNextRequest",
					new WriteCompletionAfterNextRequest()));
	}

	public static void main(String[] args) throws Exception {
		Duration answerTimeout = Duration.ofSeconds(Long.parseLong(args[0]));
		SpringApplication application = new SpringApplication(KeepAliveSequenceApplication.class);
		application.setDefaultProperties(
				Map.of("server.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		ConfigurableApplicationContext context = application.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (Socket connection = connect(port, answerTimeout)) {
			InputStream in = new BufferedInputStream(connection.getInputStream());
			for (String path : new String[] { "/late", "/prompt", "/prompt" }) {
				System.out.println(path + " " + get(connection, in, path));
			}
		}
		try (Socket connection = connect(port, answerTimeout)) {
			System.out.println("/prompt(new connection) "
					+ get(connection, new BufferedInputStream(connection.getInputStream()), "/prompt"));
		}
		System.out.println("lastFlushWhenNoRead " + lastFlushWhenNoReadInEffect());
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * The value Reactor Netty's HTTP/1.1 traffic handler read when its class was loaded.
	 */
	static boolean lastFlushWhenNoReadInEffect() throws ReflectiveOperationException {
		Field field = Class.forName("reactor.netty.http.server.HttpTrafficHandler")
			.getDeclaredField("LAST_FLUSH_WHEN_NO_READ");
		field.setAccessible(true);
		return field.getBoolean(null);
	}

	private static Socket connect(int port, Duration answerTimeout) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) answerTimeout.toMillis());
		socket.setTcpNoDelay(true);
		return socket;
	}

	private static String get(Socket connection, InputStream in, String path) throws IOException {
		String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
		connection.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		connection.getOutputStream().flush();
		try {
			return readResponse(in);
		}
		catch (SocketTimeoutException ex) {
			return "unanswered";
		}
	}

	/** Reads one response with a {@code Content-Length} body; returns its status code. */
	private static String readResponse(InputStream in) throws IOException {
		String status = readLine(in);
		int length = 0;
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes(length);
		return status.split(" ")[1];
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
