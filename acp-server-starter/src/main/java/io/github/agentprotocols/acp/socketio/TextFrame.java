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

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * A WebSocket text frame as a server sends it (final, unmasked), header and payload
 * written once into one buffer, so that the same bytes can be written to any number of
 * WebSockets below their frame encoder; its payload alone for a WebSocket whose frames an
 * extension (such as compression) still has to transform.
 */
final class TextFrame extends AbstractReferenceCounted {

	private static final int FIN_TEXT = 0x81;

	private final ByteBuf bytes;

	private final int headerLength;

	private TextFrame(ByteBuf bytes, int headerLength) {
		this.bytes = bytes;
		this.headerLength = headerLength;
	}

	/**
	 * Frames a payload.
	 * @param payload the payload's bytes (UTF-8 text)
	 * @param allocator allocates the frame's buffer
	 * @return the frame
	 */
	static TextFrame of(byte[] payload, ByteBufAllocator allocator) {
		int length = payload.length;
		int headerLength = (length < 126) ? 2 : ((length <= 0xFFFF) ? 4 : 10);
		ByteBuf bytes = allocator.buffer(headerLength + length);
		bytes.writeByte(FIN_TEXT);
		if (length < 126) {
			bytes.writeByte(length);
		}
		else if (length <= 0xFFFF) {
			bytes.writeByte(126).writeShort(length);
		}
		else {
			bytes.writeByte(127).writeLong(length);
		}
		bytes.writeBytes(payload);
		return new TextFrame(bytes, headerLength);
	}

	/**
	 * The length of the payload.
	 * @return the bytes
	 */
	int payloadLength() {
		return this.bytes.readableBytes() - this.headerLength;
	}

	/**
	 * The frame's bytes for one more write, header included.
	 * @return a retained duplicate, released by the write
	 */
	ByteBuf bytes() {
		return this.bytes.retainedDuplicate();
	}

	/**
	 * The frame for one more write through a WebSocket's frame encoder.
	 * @return a frame over a retained slice of the payload, released by the write
	 */
	TextWebSocketFrame frame() {
		return new TextWebSocketFrame(this.bytes.retainedSlice(this.headerLength, payloadLength()));
	}

	@Override
	protected void deallocate() {
		this.bytes.release();
	}

	@Override
	public ReferenceCounted touch(Object hint) {
		this.bytes.touch(hint);
		return this;
	}

}
