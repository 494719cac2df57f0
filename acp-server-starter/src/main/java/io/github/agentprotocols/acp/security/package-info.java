/**
 * Spring Security integration: an authenticator that takes the caller's identity from the
 * authenticated principal.
 */
@NullMarked
package io.github.agentprotocols.acp.security;

import org.jspecify.annotations.NullMarked;
