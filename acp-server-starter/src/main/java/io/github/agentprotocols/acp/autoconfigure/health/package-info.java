/**
 * Auto-configuration of the x64acp Assistant Communication Protocol health contributor.
 * <p>
 * API: the auto-configuration class, to exclude or order it.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
