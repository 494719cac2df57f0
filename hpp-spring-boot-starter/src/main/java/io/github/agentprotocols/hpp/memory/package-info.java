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
 * The default store of one instance: sessions, WebSocket events, paced delivery and the
 * per-client throttles in the application's memory.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.memory.InMemorySessionStore},
 * {@link io.github.agentprotocols.hpp.memory.LocalSessionBroadcast} and
 * {@link io.github.agentprotocols.hpp.memory.LocalPacedDelivery}, to build the engine
 * without Spring or to delegate to. Internal:
 * {@link io.github.agentprotocols.hpp.memory.LocalClientThrottle}, a throttle of the HTTP
 * routes.
 */
@NullMarked
package io.github.agentprotocols.hpp.memory;

import org.jspecify.annotations.NullMarked;
