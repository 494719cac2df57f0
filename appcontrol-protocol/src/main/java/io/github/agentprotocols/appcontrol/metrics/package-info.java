/**
 * Micrometer meters of the app-control service host.
 * <p>
 * API: {@link io.github.agentprotocols.appcontrol.metrics.MicrometerAppControlMetrics},
 * which the starter registers when the application has a MeterRegistry.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.metrics;

import org.jspecify.annotations.NullMarked;
