/**
 * Auto-configuration of the Handshake Prompt Protocol starter: properties, the memory and
 * Redis stores, and failure analysis.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.autoconfigure.HppProperties} (bound under
 * {@code hpp}) and
 * {@link io.github.agentprotocols.hpp.autoconfigure.HandshakeManagerBuilderCustomizer};
 * the auto-configurations are internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.hpp.autoconfigure;

import org.jspecify.annotations.NullMarked;
