/**
 * Health of the x64acp Assistant Communication Protocol starter.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.health;

import org.jspecify.annotations.NullMarked;
