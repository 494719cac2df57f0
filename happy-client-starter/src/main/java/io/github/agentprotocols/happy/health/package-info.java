/**
 * Health of the Happy agent sessions starter.
 * <p>
 * API: {@link io.github.agentprotocols.happy.health.HappyHealthIndicator}.
 */
@NullMarked
package io.github.agentprotocols.happy.health;

import org.jspecify.annotations.NullMarked;
