package io.github.agentprotocols.happy.observation;

/**
 * The context of an agent's turn.
 */
public class TurnObservationContext extends SessionObservationContext {

	/**
	 * Create a context.
	 * @param sessionId the session
	 */
	public TurnObservationContext(String sessionId) {
		setSessionId(sessionId);
	}

}
