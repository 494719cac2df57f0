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

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link TextFrame}'s bytes are those Netty's server-side frame encoder writes for the
 * same text, at each of the three lengths' encodings and their bounds.
 */
class TextFrameTests {

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125, 126, 127, 65535, 65536, 70000 })
	void bytesAreThoseOfNettysFrameEncoder(int length) {
		String text = "x".repeat(length);
		TextFrame frame = TextFrame.of(text.getBytes(StandardCharsets.UTF_8), ByteBufAllocator.DEFAULT);
		try {
			assertThat(frame.payloadLength()).isEqualTo(length);
			ByteBuf bytes = frame.bytes();
			try {
				assertThat(ByteBufUtil.getBytes(bytes)).isEqualTo(encodedByNetty(text));
			}
			finally {
				bytes.release();
			}
			TextWebSocketFrame payload = frame.frame();
			try {
				assertThat(payload.text()).isEqualTo(text);
				assertThat(payload.isFinalFragment()).isTrue();
			}
			finally {
				payload.release();
			}
		}
		finally {
			frame.release();
		}
		assertThat(frame.refCnt()).isZero();
	}

	private static byte[] encodedByNetty(String text) {
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		channel.writeOutbound(new TextWebSocketFrame(text));
		ByteBuf all = Unpooled.buffer();
		for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
			all.writeBytes(part);
			part.release();
		}
		channel.finishAndReleaseAll();
		return ByteBufUtil.getBytes(all);
	}

}
