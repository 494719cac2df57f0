/**
 * Auto-configuration of the Happy agent sessions health contributor.
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
