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

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The Engine.IO server's HTTP error answers, as the Node.js server words them: a JSON
 * {@code {"code": n, "message": "..."}}.
 */
enum EngineIoErrors {

	/** A handshake for a transport the server does not serve. */
	UNKNOWN_TRANSPORT(HttpResponseStatus.BAD_REQUEST, 0, "Transport unknown"),

	/** A request for a session the server does not know. */
	UNKNOWN_SESSION(HttpResponseStatus.BAD_REQUEST, 1, "Session ID unknown"),

	/** A handshake by another method than GET. */
	BAD_HANDSHAKE_METHOD(HttpResponseStatus.BAD_REQUEST, 2, "Bad handshake method"),

	/** A request the server cannot serve as it is. */
	BAD_REQUEST(HttpResponseStatus.BAD_REQUEST, 3, "Bad request"),

	/** A handshake refused while too many sessions wait for their namespace connect. */
	TOO_MANY_PENDING(HttpResponseStatus.SERVICE_UNAVAILABLE, 4, "Too many pending connections");

	private final HttpResponseStatus status;

	private final byte[] body;

	EngineIoErrors(HttpResponseStatus status, int code, String message) {
		this.status = status;
		this.body = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Answers the request with this error, keeping the connection open.
	 * @param ctx the request's channel
	 */
	void answer(ChannelHandlerContext ctx) {
		ctx.writeAndFlush(response());
	}

	/**
	 * Answers the request with this error and closes the connection.
	 * @param ctx the request's channel
	 */
	void answerAndClose(ChannelHandlerContext ctx) {
		FullHttpResponse response = response();
		response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	/**
	 * Answers a request of the application's web server with this error.
	 * @param response the request's response
	 * @return completes when the answer is written
	 */
	Mono<Void> answer(ServerHttpResponse response) {
		response.setStatusCode(HttpStatusCode.valueOf(this.status.code()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(this.body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.body)));
	}

	private FullHttpResponse response() {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, this.status,
				Unpooled.wrappedBuffer(this.body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.set(HttpHeaderNames.CONTENT_LENGTH, this.body.length);
		return response;
	}

}
