/**
 * Auto-configuration of the app-control service host's Micrometer meters.
 * <p>
 * API: {@code AppControlMetricsAutoConfiguration}, for ordering and exclusion.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
