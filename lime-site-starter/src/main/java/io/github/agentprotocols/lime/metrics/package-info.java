/**
 * Micrometer meters of LIME agent login.
 */
@NullMarked
package io.github.agentprotocols.lime.metrics;

import org.jspecify.annotations.NullMarked;
