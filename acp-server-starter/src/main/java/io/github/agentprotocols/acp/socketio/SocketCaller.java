package io.github.agentprotocols.acp.socketio;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.TenantScope;
import org.jspecify.annotations.Nullable;

/**
 * The caller of a socket that passed its namespace connect (spec §5.2 step 4).
 *
 * @param identity the authenticated identity
 * @param namespace the tenant the socket's namespace names, or {@code null} outside
 * namespace mode
 */
record SocketCaller(Identity identity, @Nullable TenantScope namespace) {

}
