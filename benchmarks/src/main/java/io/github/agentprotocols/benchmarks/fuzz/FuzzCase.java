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

package io.github.agentprotocols.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One mutated request as sent: its bytes, and for a WebSocket the frames after the
 * upgrade.
 *
 * @param kind how it is sent
 * @param request the request's bytes (for a WebSocket, the upgrade)
 * @param frames the WebSocket frames, encoded and masked
 * @param halfClose whether the client shuts its output down after the request (a body
 * shorter than its {@code Content-Length})
 * @param mutation what was changed, for the findings
 */
public record FuzzCase(Seed.Kind kind, byte[] request, List<byte[]> frames, boolean halfClose, String mutation) {

	/**
	 * The request, printable: bytes outside printable ASCII as {@code \xNN}, long runs
	 * shortened.
	 * @param limit most characters written
	 * @return the text
	 */
	public String printable(int limit) {
		StringBuilder text = new StringBuilder();
		append(text, this.request, limit);
		for (byte[] frame : this.frames) {
			text.append("\n[frame] ");
			append(text, frame, limit);
		}
		return text.toString();
	}

	private static void append(StringBuilder text, byte[] bytes, int limit) {
		int end = Math.min(bytes.length, limit);
		for (int i = 0; i < end; i++) {
			int b = bytes[i] & 0xff;
			if (b == '\r') {
				text.append("\\r");
			}
			else if (b == '\n') {
				text.append("\\n");
			}
			else if (b == '\\') {
				text.append("\\\\");
			}
			else if (b >= 0x20 && b < 0x7f) {
				text.append((char) b);
			}
			else {
				text.append(String.format("\\x%02x", b));
			}
		}
		if (bytes.length > limit) {
			text.append("... (").append(bytes.length).append(" bytes)");
		}
	}

	@Override
	public String toString() {
		return this.mutation + ": "
				+ new String(this.request, 0, Math.min(120, this.request.length), StandardCharsets.ISO_8859_1);
	}

}
