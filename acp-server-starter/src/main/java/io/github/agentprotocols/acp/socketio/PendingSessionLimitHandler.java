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

import java.util.List;
import java.util.Map;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.Attribute;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Refuses an Engine.IO handshake (a request without {@code sid}) with 503
 * {@code {"code":4,"message":"Too many pending connections"}} while as many sessions are
 * {@linkplain PendingSessions pending} as allowed, and counts the session an admitted
 * handshake opens as pending: netty-socketio opens it synchronously, while the handshake
 * is read.
 */
@ChannelHandler.Sharable
final class PendingSessionLimitHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpPendingSessionLimit";

	private final PendingSessions pending;

	PendingSessionLimitHandler(PendingSessions pending) {
		this.pending = pending;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof HttpRequest request) || !isHandshake(request)) {
			ctx.fireChannelRead(msg);
			return;
		}
		if (!this.pending.tryAdmit()) {
			ReferenceCountUtil.release(msg);
			EngineIoErrors.TOO_MANY_PENDING.answerAndClose(ctx);
			return;
		}
		Attribute<ClientHead> session = ctx.channel().attr(ClientHead.CLIENT);
		@Nullable ClientHead before = session.get();
		@Nullable ClientHead opened = null;
		try {
			ctx.fireChannelRead(msg);
			opened = session.get();
		}
		finally {
			this.pending.served((opened != before) ? opened : null);
		}
	}

	/**
	 * Counts a session as no longer pending.
	 * @param session a session that has passed a namespace connect or ended
	 */
	void settled(ClientHead session) {
		this.pending.settled(session);
	}

	private static boolean isHandshake(HttpRequest request) {
		Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
		List<String> sid = parameters.get("sid");
		return parameters.containsKey("EIO") && (sid == null || sid.isEmpty());
	}

}
