package io.github.agentprotocols.acp.socketio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import io.netty.channel.ChannelPipeline;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * netty-socketio's pipeline with the transport's own handlers: the origin check and the
 * additional paths after the HTTP codec, the namespace connect before the packet handler,
 * the refusal of unknown long-polling sessions before the long-polling transport (the
 * sessions are read from the pipeline's private {@code clientsBox}), and an encoder that
 * loses no packet of a long-polling backlog ({@link PollingPacketEncoder}).
 */
final class AcpChannelInitializer extends SocketIOChannelInitializer {

	private final PathAliasHandler pathAlias;

	private final OriginCheckHandler originCheck;

	private final NamespaceConnectHandler namespaceConnect;

	private final UnknownSessionHandler unknownSession;

	private @Nullable EncoderHandler encoder;

	AcpChannelInitializer(PathAliasHandler pathAlias, OriginCheckHandler originCheck,
			NamespaceConnectHandler namespaceConnect) {
		this.pathAlias = pathAlias;
		this.originCheck = originCheck;
		this.namespaceConnect = namespaceConnect;
		Field sessions = ReflectionUtils.findField(SocketIOChannelInitializer.class, "clientsBox");
		Assert.state(sessions != null, "netty-socketio's pipeline has no clientsBox");
		ReflectionUtils.makeAccessible(sessions);
		this.unknownSession = new UnknownSessionHandler((ClientsBox) ReflectionUtils.getField(sessions, this));
	}

	@Override
	public void start(Configuration configuration, NamespacesHub namespacesHub) {
		super.start(configuration, namespacesHub);
		try {
			this.encoder = new EncoderHandler(configuration,
					new PollingPacketEncoder(configuration, configuration.getJsonSupport()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		Assert.state(this.encoder != null, "not started");
		pipeline.replace(SOCKETIO_ENCODER, SOCKETIO_ENCODER, this.encoder);
		pipeline.addAfter(HTTP_ENCODER, OriginCheckHandler.NAME, this.originCheck);
		pipeline.addAfter(OriginCheckHandler.NAME, PathAliasHandler.NAME, this.pathAlias);
		pipeline.addBefore(PACKET_HANDLER, NamespaceConnectHandler.NAME, this.namespaceConnect);
		pipeline.addBefore(XHR_POLLING_TRANSPORT, UnknownSessionHandler.NAME, this.unknownSession);
	}

}
