package io.github.agentprotocols.hpp.store;

/**
 * Thrown by a {@link SessionStore} that cannot take another session.
 */
public class SessionLimitExceededException extends RuntimeException {

	public SessionLimitExceededException(int maxSessions) {
		super("Session store is full (" + maxSessions + " sessions)");
	}

}
