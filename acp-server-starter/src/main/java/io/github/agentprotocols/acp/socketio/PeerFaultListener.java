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

import java.io.IOException;

import com.corundumstudio.socketio.listener.DefaultExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * netty-socketio's exception listener, but what only a peer causes is logged at DEBUG
 * where netty-socketio logs ERROR with a stack trace: a connection it reset or broke (an
 * {@link IOException} on the socket), one it closed in the middle of a request's body
 * ({@link PrematureChannelClosureException}), a WebSocket frame that breaks the protocol
 * ({@link CorruptedFrameException}, after which Netty closes the connection). Every other
 * failure is logged as netty-socketio logs it.
 */
final class PeerFaultListener extends DefaultExceptionListener {

	private static final Log logger = LogFactory.getLog(PeerFaultListener.class);

	@Override
	public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable failure) throws Exception {
		if (failure instanceof IOException) {
			logger.debug("Socket.IO connection " + ctx.channel().remoteAddress() + " ended by the peer: " + failure);
			return true;
		}
		return super.exceptionCaught(ctx, failure);
	}

}
