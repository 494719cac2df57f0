/**
 * Auto-configuration of the LIME agent login Micrometer meters.
 * <p>
 * API: LimeMetricsAutoConfiguration (to exclude or order against).
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
