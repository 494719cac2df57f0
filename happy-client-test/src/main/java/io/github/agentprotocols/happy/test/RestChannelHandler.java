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

package io.github.agentprotocols.happy.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.happy.test.RestApi.Route;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Serves the REST API from netty-socketio's pipeline, so that REST and Socket.IO share
 * one port as on the server: every HTTP request outside the Socket.IO path is answered
 * here (after the injected failure or delay of its endpoint, if any), the others go on to
 * netty-socketio.
 */
@ChannelHandler.Sharable
final class RestChannelHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "happyRest";

	private static final Log logger = LogFactory.getLog(RestChannelHandler.class);

	private final String socketPath;

	private final RestApi api;

	private final FakeHappyFaults faults;

	RestChannelHandler(String socketPath, RestApi api, FakeHappyFaults faults) {
		this.socketPath = socketPath;
		this.api = api;
		this.faults = faults;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof FullHttpRequest http)) {
			ctx.fireChannelRead(msg);
			return;
		}
		QueryStringDecoder uri = new QueryStringDecoder(http.uri());
		if (uri.path().equals(this.socketPath) || uri.path().startsWith(this.socketPath + "/")) {
			ctx.fireChannelRead(msg);
			return;
		}
		RestRequest request;
		boolean keepAlive;
		try {
			request = new RestRequest(http.method().name(), uri.path(), http.uri(), query(uri),
					http.headers().get(HttpHeaderNames.AUTHORIZATION), http.content().toString(StandardCharsets.UTF_8));
			keepAlive = HttpUtil.isKeepAlive(http);
		}
		finally {
			http.release();
		}
		Route route = RestApi.route(request.method(), request.path());
		Duration delay = this.faults.delay(route.endpoint());
		if (delay.isZero() || delay.isNegative()) {
			answer(ctx, route, request, keepAlive);
		}
		else {
			ctx.executor()
				.schedule(() -> answer(ctx, route, request, keepAlive), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void answer(ChannelHandlerContext ctx, Route route, RestRequest request, boolean keepAlive) {
		RestResponse response;
		try {
			Integer injected = this.faults.takeFailure(route.endpoint());
			if (injected != null) {
				response = (injected >= 500) ? RestResponse.internalError(injected)
						: RestResponse.error(injected, "Injected fault");
			}
			else {
				response = this.api.handle(route, request);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Fake Happy server failed on " + request.method() + " " + request.uri(), ex);
			response = RestResponse.internalError(500);
		}
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
		http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
		http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		if (keepAlive) {
			http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
			ctx.writeAndFlush(http);
		}
		else {
			ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
		}
	}

	private static Map<String, String> query(QueryStringDecoder uri) {
		Map<String, String> query = new LinkedHashMap<>();
		uri.parameters().forEach((name, values) -> {
			List<String> present = values.stream().filter((value) -> value != null).toList();
			if (!present.isEmpty()) {
				query.put(name, present.get(0));
			}
		});
		return query;
	}

}
