/**
 * Auto-configuration of the Handshake Prompt Protocol health contributor.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
