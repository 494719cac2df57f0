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

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses, with 403, every HTTP request to netty-socketio whose {@code Origin} is not
 * allowed: long-polling requests and WebSocket upgrades alike, whether they come through
 * the bridge or to the server's own port. Answers to an origin that only {@code *} allows
 * are sent with {@code Access-Control-Allow-Origin: *} and without
 * {@code Access-Control-Allow-Credentials} (netty-socketio reflects every origin with
 * credentials).
 */
@ChannelHandler.Sharable
final class OriginCheckHandler extends ChannelDuplexHandler {

	static final String NAME = "acpOriginCheck";

	private static final AttributeKey<Boolean> UNTRUSTED = AttributeKey.valueOf("acpUntrustedOrigin");

	private final AllowedOrigins allowedOrigins;

	OriginCheckHandler(AllowedOrigins allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			String origin = request.headers().get(HttpHeaderNames.ORIGIN);
			String host = request.headers().get(HttpHeaderNames.HOST);
			if (!this.allowedOrigins.isAllowed(origin, host)) {
				ReferenceCountUtil.release(msg);
				FullHttpResponse forbidden = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
						HttpResponseStatus.FORBIDDEN);
				forbidden.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
				ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
				return;
			}
			ctx.channel().attr(UNTRUSTED).set(!this.allowedOrigins.isTrusted(origin, host));
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response && Boolean.TRUE.equals(ctx.channel().attr(UNTRUSTED).get())) {
			HttpHeaders headers = response.headers();
			if (headers.contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)) {
				headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			}
			headers.remove(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS);
		}
		super.write(ctx, msg, promise);
	}

}
