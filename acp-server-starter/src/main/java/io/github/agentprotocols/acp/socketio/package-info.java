/**
 * The Socket.IO transport of x64acp (spec §5) on netty-socketio: the server and its
 * bridge from the application's HTTP port, authentication at namespace connect, the
 * client-to-server events, and the delivery of the broadcast funnel to thread rooms.
 * <p>
 * API: {@link io.github.agentprotocols.acp.socketio.NamespaceConnectCheck} and the
 * options of {@code AcpSocketIoServer.Builder}, which an
 * {@code AcpSocketIoServerBuilderCustomizer} changes. Other types: internal, not API, may
 * change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.socketio;

import org.jspecify.annotations.NullMarked;
