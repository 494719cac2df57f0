/**
 * Micrometer meters of the Handshake Prompt Protocol.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.metrics;

import org.jspecify.annotations.NullMarked;
