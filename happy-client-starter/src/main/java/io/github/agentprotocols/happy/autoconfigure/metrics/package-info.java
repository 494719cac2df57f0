/**
 * Auto-configuration of the Happy client's Micrometer meters.
 * <p>
 * API:
 * {@link io.github.agentprotocols.happy.autoconfigure.metrics.HappyMetricsAutoConfiguration}
 * (to order against or exclude).
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
