package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a session is unknown to the server: absent from the listings, answered 404
 * on its messages, archive or delete, or never acknowledging a metadata update.
 */
public class SessionNotFoundException extends HappyException {

	private final String sessionId;

	/**
	 * Creates an exception for the given session.
	 * @param sessionId the id of the session not found
	 */
	public SessionNotFoundException(String sessionId) {
		this(sessionId, null);
	}

	/**
	 * Creates an exception for the given session, with a cause.
	 * @param sessionId the id of the session not found
	 * @param cause the cause, if any
	 */
	public SessionNotFoundException(String sessionId, @Nullable Throwable cause) {
		super("Session not found: " + sessionId, cause);
		this.sessionId = sessionId;
	}

	/**
	 * The id of the session not found.
	 * @return the session id
	 */
	public String sessionId() {
		return this.sessionId;
	}

}
