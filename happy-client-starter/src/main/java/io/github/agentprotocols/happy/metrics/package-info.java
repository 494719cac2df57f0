/**
 * Micrometer meters of the Happy client.
 * <p>
 * API: {@link io.github.agentprotocols.happy.metrics.MicrometerHappyMetrics}, for a
 * client built without Spring ({@code ReactiveHappyClient.Builder#metrics}).
 */
@NullMarked
package io.github.agentprotocols.happy.metrics;

import org.jspecify.annotations.NullMarked;
