/**
 * The Handshake Prompt Protocol engine,
 * {@link io.github.agentprotocols.hpp.HandshakeManager}, and what applications plug into
 * it.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.HandshakeManager} and its builder; the hooks
 * ({@link io.github.agentprotocols.hpp.CreateSessionHook},
 * {@link io.github.agentprotocols.hpp.ActionHook},
 * {@link io.github.agentprotocols.hpp.DoneHook},
 * {@link io.github.agentprotocols.hpp.ExtendHook},
 * {@link io.github.agentprotocols.hpp.BrowserAuth},
 * {@link io.github.agentprotocols.hpp.ValueValidator},
 * {@link io.github.agentprotocols.hpp.PromptBuilder}); the parts a store replaces
 * ({@link io.github.agentprotocols.hpp.SessionStore},
 * {@link io.github.agentprotocols.hpp.SessionBroadcast},
 * {@link io.github.agentprotocols.hpp.PacedDelivery}) with the types they handle; and
 * {@link io.github.agentprotocols.hpp.HppException} with its subclasses.
 */
@NullMarked
package io.github.agentprotocols.hpp;

import org.jspecify.annotations.NullMarked;
