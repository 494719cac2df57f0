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

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Of two overlapping polls of one long-polling session, the later takes the earlier's
 * place and the earlier is answered at once with a noop packet ({@code 6});
 * netty-socketio left it unanswered until its client gave up. The session goes on: the
 * next packet answers the later poll. On the application's port (through the bridge) and
 * on netty-socketio's own.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0" })
class OverlappingPollsTests {

	/**
	 * Well within the default ping interval (25 s), which would answer a waiting poll.
	 */
	private static final Duration BOUND = Duration.ofSeconds(10);

	/**
	 * How long one request may wait for its answer: the bound against a hang only. The
	 * first request to a fresh application took longer than {@link #BOUND} on a loaded
	 * machine (load 30-40 on 2 processors).
	 */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	@LocalServerPort
	int applicationPort;

	@Autowired
	AcpSocketIoServer server;

	/**
	 * A thread per poll: the common pool may run blocking tasks one after the other (on
	 * two processors, Java 25 does).
	 */
	private final ExecutorService twoThreads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		this.twoThreads.shutdownNow();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void theEarlierOfTwoOverlappingPollsIsAnsweredWithANoop(boolean throughTheBridge) throws Exception {
		int port = throughTheBridge ? this.applicationPort : this.server.port();
		Matcher sid = SID.matcher(request(port, "GET", "", ""));
		assertThat(sid.find()).isTrue();
		String session = "&sid=" + sid.group(1);
		assertThat(request(port, "POST", session, "40{\"user\":\"alice\"}")).startsWith("200 ");
		assertThat(request(port, "GET", session, "")).startsWith("200 40{\"sid\":");
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> request(port, "GET", session, ""),
				this.twoThreads);
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> request(port, "GET", session, ""),
				this.twoThreads);
		assertThat(CompletableFuture.anyOf(first, second)).succeedsWithin(BOUND).isEqualTo("200 6");
		assertThat(request(port, "POST", session, "421[\"thread:join\",{}]")).startsWith("200 ");
		assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(BOUND);
		assertThat(List.of(first.join(), second.join())).containsOnlyOnce("200 6")
			.anySatisfy((answer) -> assertThat(answer).startsWith("200 431[{\"error\":"));
	}

	/**
	 * Sends a long-polling request on a connection of its own and reads its answer by its
	 * {@code Content-Length}: netty-socketio keeps the connection open after an error.
	 * @return the status and the body
	 */
	private static String request(int port, String method, String session, String body) {
		String head = method + " /socket.io/?EIO=4&transport=polling" + session
				+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n"
				+ "Content-Length: " + body.length() + "\r\n\r\n" + body;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
			DataInputStream in = new DataInputStream(socket.getInputStream());
			StringBuilder headers = new StringBuilder();
			while (headers.indexOf("\r\n\r\n") < 0) {
				headers.append((char) in.readUnsignedByte());
			}
			Matcher length = CONTENT_LENGTH.matcher(headers);
			assertThat(length.find()).as(headers.toString()).isTrue();
			byte[] content = new byte[Integer.parseInt(length.group(1))];
			in.readFully(content);
			return headers.substring(9, 12) + " " + new String(content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
