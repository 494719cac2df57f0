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

package io.github.agentprotocols.lime.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Cuts an event-stream body into whole events before Spring's SSE reader decodes them, so
 * that no single frame can end the connection.
 * <p>
 * Lines end with {@code \r\n}, {@code \n} or a lone {@code \r} (the reader only knows the
 * first two); each event is passed on, its lines ending with {@code \n}, once its blank
 * line arrives. An event larger than the frame limit or not valid UTF-8 is dropped and
 * logged (the reader would otherwise fail the whole stream or silently replace the
 * bytes), as is a {@code retry:} line that is not a number. Comment lines are dropped,
 * and an event still incomplete when the body ends is discarded.
 */
final class SseFrameGuard {

	private static final Log logger = LogFactory.getLog(SseFrameGuard.class);

	private static final byte[] RETRY = "retry:".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_RETRY_DIGITS = 18;

	private final int maxFrameBytes;

	/**
	 * Creates a guard.
	 * @param maxFrameBytes the most bytes one event may hold, counting one per line
	 * ending but not the blank line
	 */
	SseFrameGuard(int maxFrameBytes) {
		this.maxFrameBytes = maxFrameBytes;
	}

	/**
	 * Frames a body.
	 * @param body the raw event-stream body
	 * @return one buffer per whole event, each ending with a blank line
	 */
	Flux<DataBuffer> frame(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Framer framer = new Framer();
			return body.concatMapIterable((buffer) -> {
				try {
					return framer.feed(buffer);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}).doOnComplete(framer::end);
		});
	}

	/**
	 * The framing state of one body.
	 */
	private final class Framer {

		private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteArrayOutputStream event = new ByteArrayOutputStream();

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		private int lineLength;

		private boolean afterCarriageReturn;

		private boolean oversized;

		List<DataBuffer> feed(DataBuffer buffer) {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			List<DataBuffer> events = List.of();
			for (byte b : bytes) {
				if (b == '\n' && this.afterCarriageReturn) {
					this.afterCarriageReturn = false;
					continue;
				}
				this.afterCarriageReturn = (b == '\r');
				if (b == '\r' || b == '\n') {
					byte[] complete = endLine();
					if (complete != null) {
						events = (events.isEmpty()) ? new ArrayList<>(1) : events;
						events.add(DefaultDataBufferFactory.sharedInstance.wrap(complete));
					}
				}
				else {
					append(b);
				}
			}
			return events;
		}

		void end() {
			if (this.event.size() > 0 || this.lineLength > 0) {
				logger.debug("Discarded an incomplete SSE frame at the end of the LIME event stream");
			}
		}

		private void append(byte b) {
			this.lineLength++;
			if (this.oversized) {
				return;
			}
			if (this.event.size() + this.line.size() + 1 > SseFrameGuard.this.maxFrameBytes) {
				logger.warn("Skipped an SSE frame over " + SseFrameGuard.this.maxFrameBytes
						+ " bytes on the LIME event stream");
				this.oversized = true;
				this.event.reset();
				this.line.reset();
				return;
			}
			this.line.write(b);
		}

		private byte @Nullable [] endLine() {
			boolean blank = (this.lineLength == 0);
			this.lineLength = 0;
			if (!blank) {
				byte[] content = this.line.toByteArray();
				if (!this.oversized && keep(content)) {
					this.event.writeBytes(content);
					this.event.write('\n');
				}
				this.line.reset();
				return null;
			}
			if (this.oversized || this.event.size() == 0) {
				this.oversized = false;
				return null;
			}
			this.event.write('\n');
			byte[] complete = this.event.toByteArray();
			this.event.reset();
			if (!isUtf8(complete)) {
				logger.warn("Skipped an SSE frame that is not valid UTF-8 on the LIME event stream");
				return null;
			}
			return complete;
		}

		private boolean isUtf8(byte[] bytes) {
			try {
				this.utf8.reset().decode(ByteBuffer.wrap(bytes));
				return true;
			}
			catch (CharacterCodingException ex) {
				return false;
			}
		}

	}

	/**
	 * Whether a line is passed on: comments are not, nor {@code retry:} lines whose value
	 * is not a plain number of milliseconds.
	 */
	private static boolean keep(byte[] line) {
		if (line[0] == ':') {
			return false;
		}
		if (!startsWith(line, RETRY)) {
			return true;
		}
		int start = RETRY.length;
		start += (line.length > start && line[start] == ' ') ? 1 : 0;
		int digits = line.length - start;
		if (digits == 0 || digits > MAX_RETRY_DIGITS) {
			return false;
		}
		for (int i = start; i < line.length; i++) {
			if (line[i] < '0' || line[i] > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] line, byte[] prefix) {
		if (line.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (line[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
