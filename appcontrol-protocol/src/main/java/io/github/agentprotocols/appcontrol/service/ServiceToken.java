package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The host's shared secret: a request's {@code token} must equal it exactly, as the
 * upstream service compares it (surrounding white space included), and is checked in
 * constant time, to the last {@code char}.
 */
final class ServiceToken {

	private final SharedSecret secret;

	ServiceToken(String token) {
		this.secret = new SharedSecret(token);
	}

	boolean matches(@Nullable Object candidate) {
		return (candidate instanceof String text) && this.secret.matches(text);
	}

}
