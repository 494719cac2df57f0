/**
 * Auto-configuration of the Handshake Prompt Protocol starter: properties, the memory and
 * Redis stores, and failure analysis.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure;

import org.jspecify.annotations.NullMarked;
