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

package io.github.agentprotocols.hpp.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.hpp.web.FuzzedServer.Session;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the text frames a browser sends over an accepted WebSocket
 * connection, through {@link HandshakeWebSocketHandler#handle} over the in-memory store.
 * The input is a sequence of frames, one per line, each capped at the 64 KiB Reactor
 * Netty lets through; after them the connection sends a well-formed user edit. Whatever
 * the frames, that edit must be applied (a frame that broke the connection would lose
 * it), no operation may fail unexpectedly (the handler ignores a failed edit, so the
 * engine's observations tell), and the session must still be readable and its prompt
 * built.
 * <p>
 * The handler is driven through a {@link AbstractWebSocketSession session} of the test's,
 * not a network connection: the handler's entry point is the session, and so every frame
 * costs microseconds rather than a round trip.
 */
class HandshakeWebSocketFuzzTests {

	/** Reactor Netty's default largest frame, which Spring Boot keeps. */
	private static final int MAX_FRAME_BYTES = 65_536;

	private static final String SENTINEL = "{\"type\":\"userEdit\",\"key\":\"sentinel\",\"value\":\"kept\"}";

	private final FuzzedServer server = FuzzedServer.instance;

	/**
	 * Frames of a connection, one per line.
	 * @param input the frames
	 */
	@FuzzTest
	@DictionaryEntries({ "{\"type\":\"userEdit\",", "\"type\":", "\"userEdit\"", "\"key\":", "\"value\":", "\"name\"",
			"\"age\"", "\"price\"", "\"when\"", "\"tags\"", "\"dept\"", "\"sentinel\"", "null", "[]", "{}", "NaN",
			"1e999" })
	void browserFrames(byte[] input) {
		Session session = this.server.create(FuzzedServer.FORM);
		try {
			List<String> frames = frames(input);
			frames.add(SENTINEL);
			FrameSession connection = new FrameSession(session, frames);
			this.server.webSocket().handle(connection).block(FuzzedServer.BOUND);
			assertThat(connection.sent).as("frames sent").isNotEmpty();
			assertThat(connection.sent.get(0)).contains("\"connected\"");
			JsonNode context = this.server.manager().context(session.id(), session.token()).block(FuzzedServer.BOUND);
			assertThat(context).isNotNull();
			JsonNode sentinel = context.path("context").path("sentinel");
			assertThat(sentinel.path("value").asString()).as("the edit after the fuzzed frames").isEqualTo("kept");
			assertThat(sentinel.path("by").asString()).isEqualTo("user");
			this.server.checkAndEnd(session);
		}
		finally {
			this.server.end(session.id());
		}
		this.server.assertNoUnexpectedFailure();
	}

	private static List<String> frames(byte[] input) {
		List<String> frames = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= input.length; i++) {
			if (i == input.length || input[i] == '\n') {
				int length = Math.min(i - start, MAX_FRAME_BYTES);
				// a text frame is UTF-8, which Netty checks; the handler reads it as text
				frames.add(new String(input, start, length, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		return frames;
	}

	/**
	 * An accepted connection to a session that receives the given text frames, one after
	 * the other, then ends, and records what the handler sends.
	 */
	private static final class FrameSession extends AbstractWebSocketSession<Object> {

		private final List<String> frames;

		private final List<String> sent = new CopyOnWriteArrayList<>();

		private final Sinks.Empty<Void> closed = Sinks.empty();

		private final AtomicBoolean open = new AtomicBoolean(true);

		FrameSession(Session session, List<String> frames) {
			super(new Object(), "fuzz",
					new HandshakeInfo(
							URI.create("ws://localhost/ws/handshake/" + session.id() + "?token=" + session.token()),
							new HttpHeaders(), Mono.empty(), null),
					DefaultDataBufferFactory.sharedInstance);
			this.frames = frames;
		}

		@Override
		public Flux<WebSocketMessage> receive() {
			return Flux.fromIterable(this.frames)
				.map((frame) -> new WebSocketMessage(WebSocketMessage.Type.TEXT,
						DefaultDataBufferFactory.sharedInstance.wrap(frame.getBytes(StandardCharsets.UTF_8))));
		}

		@Override
		public Mono<Void> send(Publisher<WebSocketMessage> messages) {
			return Flux.from(messages)
				.doOnNext((message) -> this.sent.add(message.getPayloadAsText()))
				.takeUntilOther(this.closed.asMono())
				.then();
		}

		@Override
		public boolean isOpen() {
			return this.open.get();
		}

		@Override
		public Mono<Void> close(CloseStatus status) {
			return Mono.fromRunnable(() -> {
				this.open.set(false);
				this.closed.tryEmitEmpty();
			});
		}

		@Override
		public Mono<CloseStatus> closeStatus() {
			return this.closed.asMono().then(Mono.just(CloseStatus.NORMAL));
		}

	}

}
