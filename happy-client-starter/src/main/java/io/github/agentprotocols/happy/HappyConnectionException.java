package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server cannot be reached: the socket cannot connect for a reason other
 * than authentication, it drops and cannot recover, or the network fails.
 */
public class HappyConnectionException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyConnectionException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
