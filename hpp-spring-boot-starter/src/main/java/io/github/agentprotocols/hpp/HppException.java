package io.github.agentprotocols.hpp;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Handshake Prompt Protocol starter throws at applications.
 */
public class HppException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message the message
	 */
	public HppException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message the message
	 * @param cause the cause, or null
	 */
	public HppException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates an exception that may leave out its stack trace, for answers that are part
	 * of the protocol rather than failures.
	 * @param message the message
	 * @param cause the cause, or null
	 * @param enableSuppression whether suppression is enabled
	 * @param writableStackTrace whether the stack trace is filled in
	 */
	protected HppException(String message, @Nullable Throwable cause, boolean enableSuppression,
			boolean writableStackTrace) {
		super(message, cause, enableSuppression, writableStackTrace);
	}

}
