/**
 * Health of the x64acp Assistant Communication Protocol starter.
 */
@NullMarked
package io.github.agentprotocols.acp.health;

import org.jspecify.annotations.NullMarked;
