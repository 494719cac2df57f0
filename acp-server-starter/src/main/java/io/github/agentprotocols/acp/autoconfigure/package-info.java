/**
 * Auto-configuration of the x64acp Assistant Communication Protocol starter.
 */
@NullMarked
package io.github.agentprotocols.acp.autoconfigure;

import org.jspecify.annotations.NullMarked;
