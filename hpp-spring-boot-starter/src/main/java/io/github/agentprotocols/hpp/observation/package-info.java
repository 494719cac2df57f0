/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
