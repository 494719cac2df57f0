package io.github.agentprotocols.happy.test;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with the fake's handlers in front of its packet handler: the
 * REST API and the inbound packet adjustments.
 */
final class SocketChannelInitializer extends SocketIOChannelInitializer {

	private final RestChannelHandler rest;

	private final InboundPackets inbound;

	SocketChannelInitializer(RestChannelHandler rest, InboundPackets inbound) {
		this.rest = rest;
		this.inbound = inbound;
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		pipeline.addBefore(PACKET_HANDLER, RestChannelHandler.NAME, this.rest);
		pipeline.addBefore(PACKET_HANDLER, InboundPackets.NAME, this.inbound);
	}

}
