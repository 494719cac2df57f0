package io.github.agentprotocols.acp.socketio;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses, with 403, every HTTP request to netty-socketio whose {@code Origin} is not
 * allowed: long-polling requests and WebSocket upgrades alike, whether they come through
 * the bridge or to the server's own port.
 */
@ChannelHandler.Sharable
final class OriginCheckHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpOriginCheck";

	private final AllowedOrigins allowedOrigins;

	OriginCheckHandler(AllowedOrigins allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request
				&& !this.allowedOrigins.isAllowed(request.headers().get(HttpHeaderNames.ORIGIN))) {
			ReferenceCountUtil.release(msg);
			FullHttpResponse forbidden = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.FORBIDDEN);
			forbidden.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
			ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		ctx.fireChannelRead(msg);
	}

}
