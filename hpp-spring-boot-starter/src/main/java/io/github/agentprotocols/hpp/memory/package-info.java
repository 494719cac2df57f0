/**
 * The default store of one instance: sessions, WebSocket events and paced delivery in the
 * application's memory.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.memory.InMemorySessionStore},
 * {@link io.github.agentprotocols.hpp.memory.LocalSessionBroadcast} and
 * {@link io.github.agentprotocols.hpp.memory.LocalPacedDelivery}, to build the engine
 * without Spring or to delegate to.
 */
@NullMarked
package io.github.agentprotocols.hpp.memory;

import org.jspecify.annotations.NullMarked;
