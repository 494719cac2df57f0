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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Records the HTTP requests of every connection with their headers, in the order they
 * arrive, keeping the latest {@value #CAPACITY} so that a long-running fake does not grow
 * without bound.
 */
@ChannelHandler.Sharable
final class RequestLog extends ChannelInboundHandlerAdapter {

	static final String NAME = "happyRequestLog";

	private static final int CAPACITY = 1000;

	private final Deque<ReceivedHeaders> requests = new ArrayDeque<>();

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof FullHttpRequest http) {
			QueryStringDecoder uri = new QueryStringDecoder(http.uri());
			Map<String, String> query = new LinkedHashMap<>();
			uri.parameters().forEach((name, values) -> {
				if (!values.isEmpty() && values.get(0) != null) {
					query.put(name, values.get(0));
				}
			});
			Map<String, String> headers = new LinkedHashMap<>();
			http.headers()
				.forEach((header) -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
			add(new ReceivedHeaders(new ReceivedRequest(http.method().name(), uri.path(), query), headers));
		}
		ctx.fireChannelRead(msg);
	}

	synchronized List<ReceivedRequest> requests() {
		return this.requests.stream().map(ReceivedHeaders::request).toList();
	}

	synchronized List<ReceivedHeaders> headers() {
		return List.copyOf(this.requests);
	}

	synchronized void clear() {
		this.requests.clear();
	}

	private synchronized void add(ReceivedHeaders request) {
		if (this.requests.size() == CAPACITY) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

}
