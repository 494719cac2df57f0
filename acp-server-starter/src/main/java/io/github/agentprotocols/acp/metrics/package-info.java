/**
 * Micrometer meters of the x64acp Assistant Communication Protocol.
 */
@NullMarked
package io.github.agentprotocols.acp.metrics;

import org.jspecify.annotations.NullMarked;
