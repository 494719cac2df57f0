/**
 * Auto-configuration of the Handshake Prompt Protocol's Micrometer meters.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
