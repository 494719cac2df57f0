/**
 * The protocol's JSON shapes: events, the starter's JSON mapper and the reference's
 * truthiness.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.wire.HandshakeEvent}, the frames a
 * {@link io.github.agentprotocols.hpp.SessionBroadcast} carries, and
 * {@link io.github.agentprotocols.hpp.wire.HppJson}, the starter's JSON mapper; the other
 * types are internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.wire;

import org.jspecify.annotations.NullMarked;
