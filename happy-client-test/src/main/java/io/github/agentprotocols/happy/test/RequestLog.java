package io.github.agentprotocols.happy.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Records the HTTP requests of every connection, in the order they arrive, keeping the
 * latest {@value #CAPACITY} so that a long-running fake does not grow without bound.
 */
@ChannelHandler.Sharable
final class RequestLog extends ChannelInboundHandlerAdapter {

	static final String NAME = "happyRequestLog";

	private static final int CAPACITY = 1000;

	private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

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
			add(new ReceivedRequest(http.method().name(), uri.path(), query));
		}
		ctx.fireChannelRead(msg);
	}

	synchronized List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	synchronized void clear() {
		this.requests.clear();
	}

	private synchronized void add(ReceivedRequest request) {
		if (this.requests.size() == CAPACITY) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

}
