/**
 * Health of the Happy agent sessions starter.
 */
@NullMarked
package io.github.agentprotocols.happy.health;

import org.jspecify.annotations.NullMarked;
