/**
 * Micrometer observations of the Happy client: each REST call, RPC, spawn, turn and task,
 * documented by
 * {@link io.github.agentprotocols.happy.observation.HappyObservationDocumentation}.
 * <p>
 * API: the documentation, the contexts, the conventions (a user's convention replaces the
 * default) and {@link io.github.agentprotocols.happy.observation.HappyObservations},
 * given to a client built without Spring
 * ({@code ReactiveHappyClient.Builder#observations}).
 */
@NullMarked
package io.github.agentprotocols.happy.observation;

import org.jspecify.annotations.NullMarked;
