/**
 * Micrometer meters of the Happy client.
 */
@NullMarked
package io.github.agentprotocols.happy.metrics;

import org.jspecify.annotations.NullMarked;
