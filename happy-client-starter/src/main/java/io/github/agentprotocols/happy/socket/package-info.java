/**
 * The Happy server's Socket.IO endpoint (spec §5) over
 * {@code io.socket:socket.io-client}: one user-scoped connection with reconnection, its
 * update and ephemeral streams, and emits with client-side acknowledgement timeouts.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.happy.socket;

import org.jspecify.annotations.NullMarked;
