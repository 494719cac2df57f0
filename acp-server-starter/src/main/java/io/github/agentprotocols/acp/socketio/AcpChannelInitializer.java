package io.github.agentprotocols.acp.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with the transport's own handlers: the origin check and the
 * additional paths after the HTTP codec, the namespace connect before the packet handler.
 */
final class AcpChannelInitializer extends SocketIOChannelInitializer {

	private final PathAliasHandler pathAlias;

	private final OriginCheckHandler originCheck;

	private final NamespaceConnectHandler namespaceConnect;

	AcpChannelInitializer(PathAliasHandler pathAlias, OriginCheckHandler originCheck,
			NamespaceConnectHandler namespaceConnect) {
		this.pathAlias = pathAlias;
		this.originCheck = originCheck;
		this.namespaceConnect = namespaceConnect;
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		pipeline.addAfter(HTTP_ENCODER, OriginCheckHandler.NAME, this.originCheck);
		pipeline.addAfter(OriginCheckHandler.NAME, PathAliasHandler.NAME, this.pathAlias);
		pipeline.addBefore(PACKET_HANDLER, NamespaceConnectHandler.NAME, this.namespaceConnect);
	}

}
