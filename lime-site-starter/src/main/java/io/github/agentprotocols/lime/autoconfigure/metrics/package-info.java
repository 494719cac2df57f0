/**
 * Auto-configuration of the LIME agent login Micrometer meters.
 */
@NullMarked
package io.github.agentprotocols.lime.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
