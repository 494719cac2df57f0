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

import java.util.UUID;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a WebSocket upgrade for a session the server does not know, or no longer knows,
 * before upgrading, as the Node.js Engine.IO server does: 400
 * {@code {"code":1,"message":"Session ID unknown"}}, logged at DEBUG. netty-socketio
 * upgraded it, answering 101, then closed the connection and logged a WARN ("Unauthorized
 * client"), though a client whose session has just ended sends it in the ordinary course
 * of things. A session that ends between this check and the upgrade is still closed by
 * netty-socketio once upgraded.
 */
@ChannelHandler.Sharable
final class UnknownSessionUpgradeHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpUnknownSessionUpgrade";

	private static final Log logger = LogFactory.getLog(UnknownSessionUpgradeHandler.class);

	private final ClientsBox sessions;

	UnknownSessionUpgradeHandler(ClientsBox sessions) {
		this.sessions = sessions;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			QueryStringDecoder query = new QueryStringDecoder(request.uri());
			String sid = TransportCheckHandler.first(query.parameters().get("sid"));
			if ("websocket".equals(TransportCheckHandler.first(query.parameters().get("transport"))) && sid != null
					&& session(this.sessions, sid) == null) {
				ReferenceCountUtil.release(msg);
				logger.debug("WebSocket upgrade for unknown Engine.IO session " + sid);
				EngineIoErrors.UNKNOWN_SESSION.answerAndClose(ctx);
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	/**
	 * The session an Engine.IO session id names.
	 * @param sessions the server's sessions
	 * @param sid the id, as the client sent it
	 * @return the session, or {@code null} if the server does not know it
	 */
	static @Nullable ClientHead session(ClientsBox sessions, String sid) {
		try {
			return sessions.get(UUID.fromString(sid));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
