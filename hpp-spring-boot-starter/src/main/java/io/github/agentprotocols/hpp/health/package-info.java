/**
 * Health of the Handshake Prompt Protocol.
 */
@NullMarked
package io.github.agentprotocols.hpp.health;

import org.jspecify.annotations.NullMarked;
