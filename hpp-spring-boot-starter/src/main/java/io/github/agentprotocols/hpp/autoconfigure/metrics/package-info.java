/**
 * Auto-configuration of the Handshake Prompt Protocol Micrometer meters.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
