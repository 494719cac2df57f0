/**
 * Helpers for the starters and test kits that serve Socket.IO with netty-socketio.
 */
@NullMarked
package io.github.agentprotocols.commons.socketio;

import org.jspecify.annotations.NullMarked;
