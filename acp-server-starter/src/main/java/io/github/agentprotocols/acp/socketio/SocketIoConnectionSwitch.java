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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ByteProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Decides, on the request line of a connection's first request, who serves the
 * connection: the opening of an Engine.IO WebSocket or a long-polling request
 * ({@link InPlaceRequest}) is handed to the Socket.IO server's pipeline in place of the
 * web server's HTTP handling, which this handler sits in front of, so the socket lives on
 * this one connection, kept open between long-polling requests
 * ({@link PollingKeepAliveHandler}); anything else stays with the web server, whose
 * bridge forwards Engine.IO requests that reach it. The handler leaves the pipeline once
 * it has decided. While the Socket.IO server is stopped, connections stay with the web
 * server, whose bridge answers 503.
 */
final class SocketIoConnectionSwitch extends ChannelInboundHandlerAdapter {

	/** The handler's name in the pipeline. */
	static final String NAME = "acpSocketIoSwitch";

	/** The longest request line read before the connection is left to the web server. */
	static final int MAX_REQUEST_LINE = 8192;

	private final List<String> paths;

	private final Supplier<@Nullable AcpChannelInitializer> socketIo;

	private @Nullable ByteBuf received;

	/**
	 * A switch.
	 * @param paths the Engine.IO paths, such as {@code /socket.io}
	 * @param socketIo the running Socket.IO server's pipeline, or {@code null} while it
	 * is stopped
	 */
	SocketIoConnectionSwitch(List<String> paths, Supplier<@Nullable AcpChannelInitializer> socketIo) {
		this.paths = paths;
		this.socketIo = socketIo;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof ByteBuf bytes)) {
			ctx.fireChannelRead(msg);
			return;
		}
		ByteBuf received = append(ctx, bytes);
		int lineEnd = received.forEachByte(ByteProcessor.FIND_CRLF);
		if (lineEnd < 0 && received.readableBytes() < MAX_REQUEST_LINE) {
			this.received = received;
			if (!ctx.channel().config().isAutoRead()) {
				ctx.read();
			}
			return;
		}
		this.received = null;
		String line = (lineEnd < 0) ? "" : received.toString(received.readerIndex(), lineEnd - received.readerIndex(),
				StandardCharsets.ISO_8859_1);
		AcpChannelInitializer socketIo = (served(line) != InPlaceRequest.OTHER) ? this.socketIo.get() : null;
		ChannelPipeline pipeline = ctx.pipeline();
		if (socketIo != null) {
			while (pipeline.last() != this) {
				pipeline.removeLast();
			}
			socketIo.addHandlersInPlace(pipeline, this.paths, () -> this.socketIo.get() == socketIo);
			ctx.channel().config().setAutoRead(true);
		}
		ctx.fireChannelRead(received);
		pipeline.remove(this);
	}

	/**
	 * What the request of a request line
	 * ({@code GET /socket.io/?EIO=4&transport=websocket
	 * HTTP/1.1}) is to the Socket.IO server.
	 */
	private InPlaceRequest served(String line) {
		int start = line.indexOf(' ') + 1;
		int end = line.indexOf(' ', start);
		return (start > 0 && end > 0)
				? InPlaceRequest.of(line.substring(0, start - 1), line.substring(start, end), this.paths)
				: InPlaceRequest.OTHER;
	}

	/**
	 * The bytes received so far: the first read's own buffer, or a copy of every read.
	 */
	private ByteBuf append(ChannelHandlerContext ctx, ByteBuf bytes) {
		ByteBuf earlier = this.received;
		if (earlier == null) {
			return bytes;
		}
		ByteBuf both = ctx.alloc().buffer(earlier.readableBytes() + bytes.readableBytes());
		both.writeBytes(earlier).writeBytes(bytes);
		earlier.release();
		bytes.release();
		return both;
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		if (this.received != null) {
			this.received.release();
			this.received = null;
		}
	}

}
