/**
 * Auto-configuration of the Happy agent sessions health contributor.
 * <p>
 * API:
 * {@link io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration}
 * (to order against or exclude).
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
