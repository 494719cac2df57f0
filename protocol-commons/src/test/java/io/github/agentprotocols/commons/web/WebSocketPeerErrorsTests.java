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

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The guard closes the connection on a peer's protocol violation and lets every other
 * exception go on along the pipeline.
 */
class WebSocketPeerErrorsTests {

	@Test
	void aFrameTheDecoderRefusedClosesTheConnection() {
		EmbeddedChannel channel = new EmbeddedChannel(WebSocketPeerErrors.handler());
		channel.pipeline()
			.fireExceptionCaught(
					new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, "reserved opcode"));
		channel.runPendingTasks();
		channel.checkException();
		assertThat(channel.isOpen()).isFalse();
	}

	@Test
	void aMessageCutShortGoesNoFurther() {
		EmbeddedChannel channel = new EmbeddedChannel(WebSocketPeerErrors.handler());
		channel.pipeline()
			.fireExceptionCaught(new PrematureChannelClosureException("Channel closed while still aggregating"));
		channel.checkException();
	}

	@Test
	void anotherExceptionGoesOnAndLeavesTheConnectionOpen() {
		EmbeddedChannel channel = new EmbeddedChannel(WebSocketPeerErrors.handler());
		channel.pipeline().fireExceptionCaught(new IllegalStateException("not the peer's"));
		assertThatIllegalStateException().isThrownBy(channel::checkException).withMessage("not the peer's");
		assertThat(channel.isOpen()).isTrue();
	}

}
