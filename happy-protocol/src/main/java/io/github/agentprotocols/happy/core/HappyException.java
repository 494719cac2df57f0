package io.github.agentprotocols.happy.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Happy client throws. Thrown as such for failures no
 * subclass names: HTTP 400, 403 and 5xx answers, an unknown machine id, and RPC errors
 * other than those of an offline machine.
 */
public class HappyException extends RuntimeException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
