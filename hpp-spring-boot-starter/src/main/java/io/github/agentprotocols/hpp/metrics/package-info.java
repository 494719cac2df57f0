/**
 * Micrometer meters of the Handshake Prompt Protocol.
 */
@NullMarked
package io.github.agentprotocols.hpp.metrics;

import org.jspecify.annotations.NullMarked;
