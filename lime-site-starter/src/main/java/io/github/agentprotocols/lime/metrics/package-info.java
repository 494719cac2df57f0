/**
 * Micrometer meters of LIME agent login.
 * <p>
 * API: MicrometerLimeMetrics, the LimeMetrics that records into a MeterRegistry.
 */
@NullMarked
package io.github.agentprotocols.lime.metrics;

import org.jspecify.annotations.NullMarked;
