/**
 * Micrometer observations of app-control: the requests the local service host answers,
 * the commands it runs, the requests the service host clients send and the desktop helper
 * round trips.
 * <p>
 * API:
 * {@link io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation}
 * (names and keys), the observation contexts, and the conventions with their
 * {@code Default…} implementations, which a convention bean of the application replaces.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.observation;

import org.jspecify.annotations.NullMarked;
