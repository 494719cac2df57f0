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

import java.util.NoSuchElementException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;

/**
 * Logs a WebSocket peer's protocol violations at DEBUG, where Reactor Netty logs them at
 * WARN ({@code An exception has been observed post termination}) or, while nothing reads
 * the connection, as uncaught at ERROR: a frame Netty's decoder refuses
 * ({@link CorruptedWebSocketFrameException}: a reserved opcode, an unmasked frame, a
 * control frame over 125 bytes, a bad close code, a frame over the limit; the decoder has
 * already sent its close frame, 1002 or 1009, and closes the connection), and a
 * fragmented message whose connection ends before its last fragment
 * ({@link PrematureChannelClosureException} from the frame aggregator). The connection is
 * closed once what is queued for it is written; other exceptions go on as before.
 * <p>
 * Only the connections guarded here are concerned. On Reactor Netty the guard is named as
 * one of its end handlers and sits just before its reactive bridge, so that the frame
 * aggregator, which the WebSocket's reader adds to the connection's own handlers before
 * those, comes before it whether it is added before or after the guard. A Netty server's
 * own pipeline, such as netty-socketio's, ends with {@link #handler()}.
 */
public final class WebSocketPeerErrors {

	private static final boolean PRESENT = ClassUtils.isPresent("reactor.netty.http.server.HttpServerResponse",
			WebSocketPeerErrors.class.getClassLoader());

	private WebSocketPeerErrors() {
	}

	/**
	 * Guards the WebSocket a response has upgraded to, when Reactor Netty serves it; on
	 * other servers, and for mock exchanges, nothing happens. Call it from the
	 * WebSocket's handler.
	 * @param response the response of the upgrade request
	 */
	public static void guard(ServerHttpResponse response) {
		if (PRESENT) {
			Native.guard(response);
		}
	}

	/**
	 * Guards a Reactor Netty WebSocket connection.
	 * @param connection the connection
	 */
	public static void guard(Connection connection) {
		Native.guard(connection.channel());
	}

	/**
	 * The guard as a handler of a Netty server's own pipeline, such as netty-socketio's,
	 * to be added at its end. There, a request whose connection ends before its
	 * aggregated content does is a peer's protocol violation too.
	 * @return the handler, which may be shared between pipelines
	 */
	public static ChannelHandler handler() {
		return Guard.INSTANCE;
	}

	/**
	 * The part that names Reactor Netty's and Netty's types, loaded only when they are
	 * present.
	 */
	private static final class Native {

		private static final String NAME = NettyPipeline.RIGHT + "agentProtocolsWebSocketPeerErrors";

		static void guard(ServerHttpResponse response) {
			try {
				if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse reactor) {
					reactor.withConnection(WebSocketPeerErrors::guard);
				}
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// a mock exchange: no connection
			}
		}

		static void guard(Channel channel) {
			ChannelPipeline pipeline = channel.pipeline();
			try {
				if (pipeline.get(NAME) == null) {
					pipeline.addBefore(NettyPipeline.ReactiveBridge, NAME, Guard.INSTANCE);
				}
			}
			catch (NoSuchElementException ex) {
				// the connection has closed: its handlers are gone
			}
		}

	}

	/**
	 * Takes the peer's protocol violations out of the pipeline's exception path.
	 */
	@Sharable
	private static final class Guard extends ChannelInboundHandlerAdapter {

		static final Guard INSTANCE = new Guard();

		private static final Log logger = LogFactory.getLog(WebSocketPeerErrors.class);

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			if (!(cause instanceof CorruptedWebSocketFrameException)
					&& !(cause instanceof PrematureChannelClosureException)) {
				ctx.fireExceptionCaught(cause);
				return;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Connection closed on the peer's protocol violation " + ctx.channel() + ": " + cause);
			}
			if (ctx.channel().isActive()) {
				ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
			}
		}

	}

}
