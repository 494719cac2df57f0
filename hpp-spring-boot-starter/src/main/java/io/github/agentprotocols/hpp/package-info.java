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
 * The Handshake Prompt Protocol engine,
 * {@link io.github.agentprotocols.hpp.HandshakeManager}, and what applications plug into
 * it.
 * <p>
 * API, every public type of this package:
 * <ul>
 * <li>the engine: {@link io.github.agentprotocols.hpp.HandshakeManager}, what its builder
 * takes ({@link io.github.agentprotocols.hpp.HandshakeSettings},
 * {@link io.github.agentprotocols.hpp.Hooks},
 * {@link io.github.agentprotocols.hpp.OriginPolicy},
 * {@link io.github.agentprotocols.hpp.HandshakeMetrics},
 * {@link io.github.agentprotocols.hpp.HandshakeObservations}) and its sweep of expired
 * sessions, {@link io.github.agentprotocols.hpp.SessionCleanup};</li>
 * <li>the hooks: {@link io.github.agentprotocols.hpp.CreateSessionHook},
 * {@link io.github.agentprotocols.hpp.ActionHook},
 * {@link io.github.agentprotocols.hpp.DoneHook},
 * {@link io.github.agentprotocols.hpp.ExtendHook} with its
 * {@link io.github.agentprotocols.hpp.ExtensionDecision},
 * {@link io.github.agentprotocols.hpp.BrowserAuth},
 * {@link io.github.agentprotocols.hpp.ValueValidator},
 * {@link io.github.agentprotocols.hpp.PromptBuilder} with its
 * {@link io.github.agentprotocols.hpp.DefaultPromptBuilder}, and the
 * {@link io.github.agentprotocols.hpp.HandshakeRequest} they are called for;</li>
 * <li>the parts a store replaces: {@link io.github.agentprotocols.hpp.SessionStore},
 * {@link io.github.agentprotocols.hpp.SessionBroadcast},
 * {@link io.github.agentprotocols.hpp.PacedDelivery}, and the types they handle:
 * {@link io.github.agentprotocols.hpp.HandshakeSession} with its
 * {@link io.github.agentprotocols.hpp.FieldValue},
 * {@link io.github.agentprotocols.hpp.FieldOwner},
 * {@link io.github.agentprotocols.hpp.Change} and
 * {@link io.github.agentprotocols.hpp.RequestWindow}, the requests a store may carry out
 * itself ({@link io.github.agentprotocols.hpp.Admission},
 * {@link io.github.agentprotocols.hpp.AgentWrites}), and
 * {@link io.github.agentprotocols.hpp.PacedBatch};</li>
 * <li>the errors: {@link io.github.agentprotocols.hpp.HppException} and its subclasses
 * {@link io.github.agentprotocols.hpp.HandshakeException},
 * {@link io.github.agentprotocols.hpp.SessionLimitExceededException},
 * {@link io.github.agentprotocols.hpp.DeliveryBacklogFullException} and
 * {@link io.github.agentprotocols.hpp.SessionStoreUnavailableException}.</li>
 * </ul>
 */
@NullMarked
package io.github.agentprotocols.hpp;

import org.jspecify.annotations.NullMarked;
