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

package io.github.agentprotocols.lime.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.agentprotocols.lime.test.FakeLimeFaults.StreamEnding;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One open site event stream: renders frames as SSE text, applying the current stream
 * faults, and hands the resulting chunks to the HTTP response in order.
 */
final class SseConnection {

	static final String KEEPALIVE = "{\"type\":\"keepalive\"}";

	private static final Duration SPLIT_DELAY = Duration.ofMillis(5);

	private static final String PARTIAL_FRAME = "data: {\"type\":\"approved\",\"login_request_id\":\"";

	private final Sinks.Many<Chunk> chunks = Sinks.many().unicast().onBackpressureBuffer();

	private final FakeLimeFaults faults;

	private final Scheduler scheduler;

	private int frames;

	private boolean finished;

	SseConnection(FakeLimeFaults faults, Scheduler scheduler) {
		this.faults = faults;
		this.scheduler = scheduler;
	}

	/**
	 * The text to write, one element per network write; completes on a clean end.
	 * @param drop closes the connection without ending the response, after the text
	 * already handed over is written
	 */
	Flux<byte[]> output(Runnable drop) {
		return this.chunks.asFlux()
			.concatMap((chunk) -> chunk.delay().isZero() ? Mono.just(chunk)
					: Mono.delay(chunk.delay(), this.scheduler).thenReturn(chunk))
			.handle((chunk, sink) -> {
				switch (chunk.kind()) {
					case TEXT -> sink.next(chunk.bytes());
					case END -> sink.complete();
					case DROP -> drop.run();
				}
			});
	}

	/**
	 * Apply a stream ending that is due before any frame was written.
	 */
	synchronized void opened() {
		endIfDue();
	}

	synchronized void keepalive() {
		if (!this.faults.silentStreams()) {
			write(null, KEEPALIVE, false);
		}
	}

	/**
	 * Write one frame.
	 * @param id the {@code id:} value, or {@code null} for none
	 * @param data the {@code data:} payload
	 * @param event whether it is an event (subject to duplicate delivery and coalescing)
	 * rather than a keepalive or an injected frame
	 */
	synchronized void write(@Nullable Long id, String data, boolean event) {
		if (this.finished) {
			return;
		}
		String frame = render(id, data);
		if (event && this.faults.duplicateDelivery()) {
			frame = frame + frame;
		}
		if (event && this.faults.severalFramesPerChunk()) {
			String keepalive = render(null, KEEPALIVE);
			frame = keepalive + frame + keepalive;
		}
		if (this.faults.splitFrames()) {
			int third = Math.max(1, frame.length() / 3);
			emit(Chunk.text(frame.substring(0, third), Duration.ZERO));
			emit(Chunk.text(frame.substring(third, 2 * third), SPLIT_DELAY));
			emit(Chunk.text(frame.substring(2 * third), SPLIT_DELAY));
		}
		else {
			emit(Chunk.text(frame, Duration.ZERO));
		}
		this.frames++;
		endIfDue();
	}

	/**
	 * Write bytes verbatim, without SSE framing; they do not count as a frame.
	 * @param bytes the bytes
	 */
	synchronized void writeRaw(byte[] bytes) {
		if (!this.finished) {
			emit(new Chunk(Kind.TEXT, bytes.clone(), Duration.ZERO));
		}
	}

	/**
	 * End the stream cleanly.
	 */
	synchronized void end() {
		finish(Kind.END);
	}

	private void endIfDue() {
		StreamEnding ending = this.faults.streamEnding();
		if (this.finished || ending == null || this.frames < ending.frames()) {
			return;
		}
		switch (ending.kind()) {
			case END -> finish(Kind.END);
			case DROP -> finish(Kind.DROP);
			case DROP_PARTIAL -> {
				emit(Chunk.text(PARTIAL_FRAME, Duration.ZERO));
				finish(Kind.DROP);
			}
		}
	}

	private void finish(Kind kind) {
		if (!this.finished) {
			this.finished = true;
			emit(new Chunk(kind, new byte[0], Duration.ZERO));
		}
	}

	private void emit(Chunk chunk) {
		this.chunks.tryEmitNext(chunk);
	}

	private String render(@Nullable Long id, String data) {
		String eol = this.faults.crlfLineEndings() ? "\r\n" : "\n";
		String idLine = (id != null) ? "id: " + id + eol : "";
		return idLine + "data: " + data + eol + eol;
	}

	private enum Kind {

		TEXT, END, DROP

	}

	private record Chunk(Kind kind, byte[] bytes, Duration delay) {

		static Chunk text(String text, Duration delay) {
			return new Chunk(Kind.TEXT, text.getBytes(StandardCharsets.UTF_8), delay);
		}

	}

}
