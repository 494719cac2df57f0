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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Client WebSocket frames (RFC 6455 §5.2), written with any header the fuzzer asks for,
 * and read back well enough to tell a pong or a close from other frames.
 */
final class WebSocketFrames {

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	private static final byte[] MASK = { 0x37, (byte) 0xfa, 0x21, 0x3d };

	private WebSocketFrames() {
	}

	/**
	 * A frame, masked as a client's must be.
	 * @param opcode the opcode
	 * @param payload the payload
	 * @return the frame's bytes
	 */
	static byte[] frame(int opcode, byte[] payload) {
		return frame(true, 0, opcode, true, payload, -1);
	}

	/**
	 * A frame with the given header.
	 * @param fin the FIN bit
	 * @param rsv the three RSV bits
	 * @param opcode the opcode (4 bits)
	 * @param masked whether the payload is masked
	 * @param payload the payload
	 * @param declaredLength the length written in the header, or -1 for the payload's
	 * @return the frame's bytes
	 */
	static byte[] frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload, long declaredLength) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
		out.write((fin ? 0x80 : 0) | ((rsv & 0x7) << 4) | (opcode & 0xf));
		long length = (declaredLength >= 0) ? declaredLength : payload.length;
		int maskBit = masked ? 0x80 : 0;
		if (length < 126) {
			out.write(maskBit | (int) length);
		}
		else if (length <= 0xffff) {
			out.write(maskBit | 126);
			out.write((int) (length >>> 8) & 0xff);
			out.write((int) length & 0xff);
		}
		else {
			out.write(maskBit | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				out.write((int) (length >>> shift) & 0xff);
			}
		}
		if (masked) {
			out.write(MASK, 0, 4);
			for (int i = 0; i < payload.length; i++) {
				out.write(payload[i] ^ MASK[i & 3]);
			}
		}
		else {
			out.write(payload, 0, payload.length);
		}
		return out.toByteArray();
	}

	/**
	 * A text frame.
	 * @param text the text
	 * @return the frame's bytes
	 */
	static byte[] text(String text) {
		return frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Read one server frame's opcode and payload (servers do not mask).
	 * @param in the stream
	 * @return the opcode and payload, or {@code null} at the end of the stream
	 * @throws IOException if reading fails or times out
	 */
	static Frame read(InputStream in) throws IOException {
		int first = in.read();
		if (first < 0) {
			return null;
		}
		int second = in.read();
		if (second < 0) {
			return null;
		}
		long length = second & 0x7f;
		if (length == 126) {
			length = (readByte(in) << 8) | readByte(in);
		}
		else if (length == 127) {
			length = 0;
			for (int i = 0; i < 8; i++) {
				length = (length << 8) | readByte(in);
			}
		}
		byte[] mask = null;
		if ((second & 0x80) != 0) {
			mask = in.readNBytes(4);
		}
		if (length > 16 * 1024 * 1024) {
			throw new IOException("server frame of " + length + " bytes");
		}
		byte[] payload = in.readNBytes((int) length);
		if (payload.length < length) {
			return null;
		}
		if (mask != null) {
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i & 3];
			}
		}
		return new Frame(first & 0xf, payload);
	}

	private static int readByte(InputStream in) throws IOException {
		int b = in.read();
		if (b < 0) {
			throw new IOException("end of stream in a frame header");
		}
		return b;
	}

	/**
	 * A frame read from the server.
	 *
	 * @param opcode the opcode
	 * @param payload the payload
	 */
	record Frame(int opcode, byte[] payload) {

	}

}
