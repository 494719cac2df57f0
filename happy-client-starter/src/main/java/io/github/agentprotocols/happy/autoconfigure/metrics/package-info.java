/**
 * Auto-configuration of the Happy client's Micrometer meters.
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
