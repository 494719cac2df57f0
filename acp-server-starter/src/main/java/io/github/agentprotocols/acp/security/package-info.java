/**
 * Spring Security integration: an authenticator that takes the caller's identity from the
 * authenticated principal.
 * <p>
 * API: {@link io.github.agentprotocols.acp.security.SecurityContextAuthenticator} and
 * {@link io.github.agentprotocols.acp.security.AuthenticationIdentityMapper}.
 */
@NullMarked
package io.github.agentprotocols.acp.security;

import org.jspecify.annotations.NullMarked;
