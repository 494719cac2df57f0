/**
 * Micrometer meters of the x64acp Assistant Communication Protocol.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.metrics;

import org.jspecify.annotations.NullMarked;
