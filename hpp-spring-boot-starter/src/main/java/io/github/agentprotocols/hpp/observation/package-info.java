/**
 * Micrometer observations of the Handshake Prompt Protocol: what each operation records
 * and the conventions that name it.
 * <p>
 * API: the documentation of every observation,
 * {@link io.github.agentprotocols.hpp.observation.HppObservationDocumentation}; the
 * contexts {@link io.github.agentprotocols.hpp.observation.HandshakeObservationContext},
 * {@link io.github.agentprotocols.hpp.observation.RelayPublishContext} and
 * {@link io.github.agentprotocols.hpp.observation.RelayReceiveContext}; the conventions
 * an application replaces with a bean,
 * {@link io.github.agentprotocols.hpp.observation.HandshakeObservationConvention},
 * {@link io.github.agentprotocols.hpp.observation.RelayPublishObservationConvention} and
 * {@link io.github.agentprotocols.hpp.observation.RelayReceiveObservationConvention}, and
 * their defaults
 * {@link io.github.agentprotocols.hpp.observation.DefaultHandshakeObservationConvention},
 * {@link io.github.agentprotocols.hpp.observation.DefaultRelayPublishObservationConvention}
 * and
 * {@link io.github.agentprotocols.hpp.observation.DefaultRelayReceiveObservationConvention}.
 */
@NullMarked
package io.github.agentprotocols.hpp.observation;

import org.jspecify.annotations.NullMarked;
