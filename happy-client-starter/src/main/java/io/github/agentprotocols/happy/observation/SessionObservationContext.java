package io.github.agentprotocols.happy.observation;

import org.jspecify.annotations.Nullable;

/**
 * The context of an operation on one session, whose id may be known only once the
 * operation spawned it.
 */
public abstract class SessionObservationContext extends OutcomeObservationContext {

	private @Nullable String sessionId;

	/**
	 * The session.
	 * @return its id, or {@code null} before it is known
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * Set the session.
	 * @param sessionId its id
	 */
	public void setSessionId(String sessionId) {
		this.sessionId = sessionId;
	}

}
