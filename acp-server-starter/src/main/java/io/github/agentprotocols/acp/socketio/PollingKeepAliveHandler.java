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
import java.util.function.BooleanSupplier;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.EncoderHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps a connection of the application's port served in place open after each answer to
 * a long-polling request that allows it, as the web server keeps it: netty-socketio
 * answers every request with {@code Connection: keep-alive} and closes the connection
 * once the answer is written, so a client reusing the connection met a reset. The close
 * listener netty-socketio puts on the write of an answer's last content is taken off
 * before that write is reported complete; an answer that cannot be kept (the request did
 * not let it, or the answer has no length) says {@code Connection: close} and is followed
 * by the connection's close.
 * <p>
 * Each request after the first releases the connection from the session whose poll it
 * carried, and clears the session netty-socketio's handshake bound to the connection: a
 * connection may carry requests of several sessions, and then a WebSocket. A WebSocket
 * opening takes the handler out of the pipeline. A request the web server would serve
 * (not Engine.IO), one sent before the previous one was answered, or one arriving after
 * the Socket.IO server stopped, closes the connection unanswered, as a server closes an
 * idle persistent connection: clients send it again on a new connection, which the web
 * server serves.
 */
final class PollingKeepAliveHandler extends ChannelDuplexHandler {

	/** The handler's name in the pipeline. */
	static final String NAME = "acpPollingKeepAlive";

	private static final Log logger = LogFactory.getLog(PollingKeepAliveHandler.class);

	private final List<String> paths;

	private final AcpPollingTransport transport;

	private final BooleanSupplier serving;

	private boolean served;

	private boolean answering;

	private boolean keepAlive;

	private boolean preflight;

	private boolean keepAnswer;

	/**
	 * A handler for one connection.
	 * @param paths the Engine.IO paths, such as {@code /socket.io}
	 * @param transport the long-polling transport that binds polls to their sessions
	 * @param serving whether the Socket.IO server whose handlers serve the connection
	 * still runs
	 */
	PollingKeepAliveHandler(List<String> paths, AcpPollingTransport transport, BooleanSupplier serving) {
		this.paths = paths;
		this.transport = transport;
		this.serving = serving;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof HttpRequest request)) {
			ctx.fireChannelRead(msg);
			return;
		}
		InPlaceRequest kind = InPlaceRequest.of(request.method().name(), request.uri(), this.paths);
		if (this.served) {
			if (this.answering || kind == InPlaceRequest.OTHER || !this.serving.getAsBoolean()) {
				logger.debug("Connection served in place closed unanswered at a request for the web server, "
						+ "before an answer or after the Socket.IO server stopped: " + request.method() + " "
						+ request.uri());
				ReferenceCountUtil.release(msg);
				ctx.close();
				return;
			}
			this.transport.release(ctx.channel());
			ctx.channel().attr(ClientHead.CLIENT).set(null);
			ctx.channel().attr(EncoderHandler.JSONP_INDEX).set(null);
			ctx.channel().attr(EncoderHandler.B64).set(null);
		}
		this.served = true;
		if (kind == InPlaceRequest.WEBSOCKET) {
			ctx.pipeline().remove(this);
		}
		else {
			this.answering = true;
			this.keepAlive = keepsAlive(request);
			this.preflight = HttpMethod.OPTIONS.equals(request.method());
		}
		ctx.fireChannelRead(msg);
	}

	/**
	 * Whether a request lets its connection be kept: decoded, HTTP/1.1 without a
	 * {@code Connection} header or one naming {@code keep-alive}. Any other
	 * {@code Connection} value (a header folded into it, a token not understood) closes
	 * it, as it does a request that asked for {@code close}.
	 */
	private static boolean keepsAlive(HttpRequest request) {
		if (!request.decoderResult().isSuccess() || !HttpUtil.isKeepAlive(request)) {
			return false;
		}
		return !request.headers().contains(HttpHeaderNames.CONNECTION)
				|| request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE, true);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
			if (this.preflight && !HttpUtil.isContentLengthSet(response)) {
				// netty-socketio's answer to a preflight has no body, nor says so
				HttpUtil.setContentLength(response, 0);
			}
			this.keepAnswer = this.keepAlive
					&& !response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)
					&& (HttpUtil.isContentLengthSet(response) || HttpUtil.isTransferEncodingChunked(response));
			response.headers()
				.set(HttpHeaderNames.CONNECTION,
						this.keepAnswer ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
		}
		if (!(msg instanceof LastHttpContent) || !this.answering) {
			ctx.write(msg, promise);
			return;
		}
		this.answering = false;
		if (!this.keepAnswer) {
			ChannelPromise written = promise.unvoid();
			ctx.write(msg, written);
			written.addListener(ChannelFutureListener.CLOSE);
			return;
		}
		// netty-socketio adds its close listener once this write returns: the promise is
		// completed a task later, without it
		ChannelPromise written = ctx.newPromise();
		ctx.write(msg, written);
		written.addListener((done) -> ctx.executor().execute(() -> {
			promise.removeListener(ChannelFutureListener.CLOSE);
			if (done.isSuccess()) {
				promise.trySuccess();
			}
			else {
				promise.tryFailure(done.cause());
			}
		}));
	}

}
