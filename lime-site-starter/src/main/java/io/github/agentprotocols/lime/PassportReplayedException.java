package io.github.agentprotocols.lime;

/**
 * Thrown when a passport that is otherwise valid was already accepted once: each passport
 * is good for one login only (see {@link PassportReplayStore}).
 */
public class PassportReplayedException extends InvalidPassportException {

	public PassportReplayedException(String message) {
		super(message);
	}

}
