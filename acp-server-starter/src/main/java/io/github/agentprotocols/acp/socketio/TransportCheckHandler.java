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
import java.util.Locale;
import java.util.Set;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, as the Node.js Engine.IO server does, a request to the Engine.IO path whose
 * {@code transport} the server cannot serve: a handshake without a transport or with one
 * it does not know, 400 {@code {"code":0,"message":"Transport unknown"}}; a
 * {@code websocket} request that is not a WebSocket upgrade, 400
 * {@code {"code":3,"message":"Bad request"}}; a handshake by another method than GET (or
 * OPTIONS, a browser's preflight), 400 {@code {"code":2,"message":"Bad handshake
 * method"}}; a request whose head or body could not be decoded (a chunk not ended as HTTP
 * ends it, a malformed percent-encoding in its target), 400
 * {@code {"code":3,"message":"Bad request"}}, where netty-socketio read what it had of
 * the body or failed on the target, leaving the request unanswered. netty-socketio logged
 * the first at ERROR, left the second to fail in its WebSocket handshake, closing the
 * connection unanswered, and opened a session for the third, which then waited for its
 * namespace connect among the pending ones.
 */
@ChannelHandler.Sharable
final class TransportCheckHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpTransportCheck";

	private static final Set<String> TRANSPORTS = Set.of("polling", "websocket");

	private final String path;

	/**
	 * Creates the check for the server's Engine.IO path.
	 * @param path the path, as netty-socketio's context: without its final {@code /}
	 */
	TransportCheckHandler(String path) {
		this.path = path + "/";
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			EngineIoErrors refusal = refusal(request);
			if (refusal != null) {
				ReferenceCountUtil.release(msg);
				refusal.answerAndClose(ctx);
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	/**
	 * Whether a request target's path and query decode: a malformed percent-encoding
	 * ({@code %}, {@code %ZZ}) throws where they are read.
	 */
	private static boolean decodes(QueryStringDecoder query) {
		try {
			query.path();
			query.parameters();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private @Nullable EngineIoErrors refusal(HttpRequest request) {
		if (request.decoderResult().isFailure()) {
			return EngineIoErrors.BAD_REQUEST;
		}
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		if (!decodes(query)) {
			return EngineIoErrors.BAD_REQUEST;
		}
		if (!query.path().startsWith(this.path)) {
			return null;
		}
		if (!query.path().equals(this.path)) {
			return EngineIoErrors.BAD_REQUEST;
		}
		String transport = first(query.parameters().get("transport"));
		if ("websocket".equals(transport)) {
			String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
			return (HttpMethod.GET.equals(request.method()) && upgrade != null
					&& upgrade.toLowerCase(Locale.ROOT).equals("websocket")) ? null : EngineIoErrors.BAD_REQUEST;
		}
		if (first(query.parameters().get("sid")) != null) {
			return null;
		}
		if (transport == null || !TRANSPORTS.contains(transport)) {
			return EngineIoErrors.UNKNOWN_TRANSPORT;
		}
		return (HttpMethod.GET.equals(request.method()) || HttpMethod.OPTIONS.equals(request.method())) ? null
				: EngineIoErrors.BAD_HANDSHAKE_METHOD;
	}

	static @Nullable String first(@Nullable List<String> values) {
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
