package io.github.agentprotocols.acp.socketio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.corundumstudio.socketio.handler.ClientsBox;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Answers a long-polling request for a session the server does not know as the Node.js
 * Engine.IO server does: 400 {@code {"code":1,"message":"Session ID unknown"}}. Clients
 * send such requests in the ordinary course of things, when their session has just ended
 * (a last poll, a message racing the close); netty-socketio would answer 500 and log each
 * at ERROR ("is not registered"), and leave a session id that is no UUID without any
 * answer.
 */
@ChannelHandler.Sharable
final class UnknownSessionHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "acpUnknownSession";

	private static final Log logger = LogFactory.getLog(UnknownSessionHandler.class);

	private static final byte[] UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final ClientsBox sessions;

	UnknownSessionHandler(ClientsBox sessions) {
		this.sessions = sessions;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			String sid = pollingSession(request);
			if (sid != null && !isKnown(sid)) {
				ReferenceCountUtil.release(msg);
				logger.debug("Long-polling request for unknown Engine.IO session " + sid);
				FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
						HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(UNKNOWN));
				response.headers()
					.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
					.set(HttpHeaderNames.CONTENT_LENGTH, UNKNOWN.length);
				ctx.writeAndFlush(response);
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	private static @Nullable String pollingSession(HttpRequest request) {
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		List<String> transport = query.parameters().get("transport");
		List<String> sid = query.parameters().get("sid");
		return (transport != null && transport.contains("polling") && sid != null && !sid.isEmpty()) ? sid.get(0)
				: null;
	}

	private boolean isKnown(String sid) {
		try {
			return this.sessions.get(UUID.fromString(sid)) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
