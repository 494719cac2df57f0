/**
 * Auto-configuration of the x64acp Assistant Communication Protocol Micrometer meters.
 * <p>
 * API: the auto-configuration class, to exclude or order it.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
