package io.github.agentprotocols.appcontrol.service;

import io.github.agentprotocols.appcontrol.PythonWhitespace;
import io.github.agentprotocols.commons.SharedSecret;
import org.jspecify.annotations.Nullable;

/**
 * The host's shared secret: a request's {@code token}, stripped of surrounding white
 * space as Python strips it, is checked against it in constant time.
 */
final class ServiceToken {

	private final SharedSecret secret;

	ServiceToken(String token) {
		this.secret = new SharedSecret(token);
	}

	boolean matches(@Nullable Object candidate) {
		return (candidate instanceof String text) && this.secret.matches(PythonWhitespace.strip(text));
	}

}
