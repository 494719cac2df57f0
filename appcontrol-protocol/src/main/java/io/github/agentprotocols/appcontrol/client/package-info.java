/**
 * Clients that run app-control commands: the client interfaces, event streams, the helper
 * client and its transport, and the clients of a local service host over HTTP and over
 * its Unix socket.
 * <p>
 * API: {@code AppControlClient}, {@code StreamingAppControlClient}, {@code ToolObserver},
 * {@code ToolEvents}, {@code HelperTransport}, {@code UnixSocketHelperTransport},
 * {@code HelperAppControlClient}, {@code AbstractServiceHostClient},
 * {@code HttpAppControlClient}, {@code UnixSocketAppControlClient} and
 * {@code AppControlTransportException}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.client;

import org.jspecify.annotations.NullMarked;
