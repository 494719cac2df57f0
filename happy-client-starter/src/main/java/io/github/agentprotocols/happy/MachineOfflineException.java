package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an RPC cannot reach its machine: the server answers "RPC method not
 * available" (nobody registered the method, after about 15 s) or "RPC target
 * disconnected".
 */
public class MachineOfflineException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public MachineOfflineException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public MachineOfflineException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
