package io.github.agentprotocols.lime;

/**
 * Thrown when a passport's {@code exp} has passed, leeway included. An
 * {@link InvalidPassportException}, so catching that one covers expiry as well.
 */
public class PassportExpiredException extends InvalidPassportException {

	public PassportExpiredException(String message) {
		super(message);
	}

}
