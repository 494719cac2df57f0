package io.github.agentprotocols.acp;

/**
 * Thrown by a {@link ThreadStore} whose database cannot be reached. The REST layer
 * answers 503 in the error shape until it is back; nothing of the failed operation was
 * stored.
 */
public class ThreadStoreUnavailableException extends AcpException {

	/**
	 * Creates an exception.
	 * @param message what failed
	 * @param cause the driver's failure
	 */
	public ThreadStoreUnavailableException(String message, Throwable cause) {
		super(AcpErrorCode.INTERNAL_ERROR, 503, message, cause);
	}

}
