package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a client-side wait reaches its deadline, such as waiting for a turn to
 * complete or for a session to become idle.
 */
public class HappyTimeoutException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyTimeoutException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
