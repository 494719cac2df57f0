package io.github.agentprotocols.happy.test;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with the fake's handlers: the request log in front of its
 * authorize handler, the REST API after it handler (which lets other paths through, and
 * whose first-data timer would otherwise close every REST connection five seconds after
 * it opened, keep-alive or not), the inbound packet adjustments in front of its packet
 * handler.
 */
final class SocketChannelInitializer extends SocketIOChannelInitializer {

	private final RestChannelHandler rest;

	private final InboundPackets inbound;

	private final RequestLog requests;

	SocketChannelInitializer(RestChannelHandler rest, InboundPackets inbound, RequestLog requests) {
		this.rest = rest;
		this.inbound = inbound;
		this.requests = requests;
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		pipeline.addBefore(AUTHORIZE_HANDLER, RequestLog.NAME, this.requests);
		pipeline.addAfter(AUTHORIZE_HANDLER, RestChannelHandler.NAME, this.rest);
		pipeline.addBefore(PACKET_HANDLER, InboundPackets.NAME, this.inbound);
	}

}
