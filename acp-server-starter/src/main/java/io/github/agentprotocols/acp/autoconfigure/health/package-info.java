/**
 * Auto-configuration of the x64acp Assistant Communication Protocol health contributor.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
