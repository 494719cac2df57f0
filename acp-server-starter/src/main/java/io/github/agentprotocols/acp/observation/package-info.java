/**
 * Micrometer observations of the x64acp Assistant Communication Protocol: their
 * documentation
 * ({@link io.github.agentprotocols.acp.observation.AcpObservationDocumentation}),
 * contexts and conventions. A convention declared as a bean replaces the default one.
 * <p>
 * Public API.
 */
@NullMarked
package io.github.agentprotocols.acp.observation;

import org.jspecify.annotations.NullMarked;
