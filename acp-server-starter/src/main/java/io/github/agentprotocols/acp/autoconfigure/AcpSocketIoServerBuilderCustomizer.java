package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;

/**
 * Customizes the {@link AcpSocketIoServer.Builder} that
 * {@link AcpSocketIoAutoConfiguration} prepares, to change one option of the
 * auto-configured Socket.IO server without replacing the whole bean. Each bean of this
 * type is applied, in {@link org.springframework.core.Ordered order}, after the
 * {@code acp.socketio.*} properties, the broadcast funnel, the namespace check, the
 * metrics and the observations have been set on the builder, and before the server is
 * built. Not applied when the application defines its own {@link AcpSocketIoServer}.
 */
@FunctionalInterface
public interface AcpSocketIoServerBuilderCustomizer {

	/**
	 * Customizes the builder of the auto-configured Socket.IO server.
	 * @param builder the builder, with the auto-configuration's options set
	 */
	void customize(AcpSocketIoServer.Builder builder);

}
