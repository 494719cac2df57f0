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

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;

/**
 * Answers a WebSocket ping with a pong carrying its payload (RFC 6455 §5.5.2), as the web
 * server does for a WebSocket it serves itself: netty-socketio's WebSocket transport
 * passes pings on unanswered, and its WebSocket handshake adds no handler that answers
 * them.
 */
@ChannelHandler.Sharable
final class WebSocketPingHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpWebSocketPing";

	static final WebSocketPingHandler INSTANCE = new WebSocketPingHandler();

	private WebSocketPingHandler() {
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof PingWebSocketFrame ping) {
			ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
			return;
		}
		ctx.fireChannelRead(msg);
	}

}
