/**
 * Micrometer observations of the Happy client: each REST call, RPC, spawn, turn and task,
 * documented by
 * {@link io.github.agentprotocols.happy.observation.HappyObservationDocumentation}.
 * <p>
 * API: the documentation, the contexts and the conventions (a user's convention replaces
 * the default). {@code HappyObservations}, in the root package, starts and stops the
 * observations; a client built without Spring is given one
 * ({@code ReactiveHappyClient.Builder#observations}).
 */
@NullMarked
package io.github.agentprotocols.happy.observation;

import org.jspecify.annotations.NullMarked;
