package io.github.agentprotocols.hpp;

/**
 * Thrown by a {@link SessionStore} whose backing service cannot be reached; requests are
 * answered 503 until it is back.
 */
public class SessionStoreUnavailableException extends HppException {

	public SessionStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
