/**
 * Auto-configuration of the Handshake Prompt Protocol health contributor.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
