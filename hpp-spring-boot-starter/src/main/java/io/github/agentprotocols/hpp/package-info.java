/**
 * The Handshake Prompt Protocol engine,
 * {@link io.github.agentprotocols.hpp.HandshakeManager}, and its public SPI: hooks, the
 * session store, broadcast and paced delivery.
 */
@NullMarked
package io.github.agentprotocols.hpp;

import org.jspecify.annotations.NullMarked;
