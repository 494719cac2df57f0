/**
 * Auto-configuration of the x64acp Assistant Communication Protocol Micrometer meters.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
