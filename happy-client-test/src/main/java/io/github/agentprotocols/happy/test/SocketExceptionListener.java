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

package io.github.agentprotocols.happy.test;

import java.io.IOException;

import com.corundumstudio.socketio.listener.DefaultExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * netty-socketio's exception logging, with I/O failures of a connection (a peer process
 * that exits without closing its socket: {@code Connection reset}) at debug level: they
 * are normal in tests that stop agents and daemons.
 */
final class SocketExceptionListener extends DefaultExceptionListener {

	private static final Log logger = LogFactory.getLog(SocketExceptionListener.class);

	@Override
	public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		if (cause instanceof IOException) {
			logger.debug("Socket connection failed: " + cause.getMessage());
			ctx.close();
			return true;
		}
		return super.exceptionCaught(ctx, cause);
	}

}
