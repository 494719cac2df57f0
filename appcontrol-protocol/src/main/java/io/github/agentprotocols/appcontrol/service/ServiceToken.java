package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.appcontrol.UnicodeText;
import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The host's shared secret: a request's {@code token} must equal it exactly, as the
 * upstream service compares it (surrounding white space included), and is checked in
 * constant time. A token with a lone surrogate never matches: UTF-8 encoding would turn
 * it into {@code ?} before the comparison.
 */
final class ServiceToken {

	private final SharedSecret secret;

	ServiceToken(String token) {
		this.secret = new SharedSecret(token);
	}

	boolean matches(@Nullable Object candidate) {
		return (candidate instanceof String text) && UnicodeText.loneSurrogate(text) < 0 && this.secret.matches(text);
	}

}
