package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a machine refuses or fails to spawn a session: the directory is missing and
 * its creation was not approved, the daemon answers an error, or the spawn RPC times out.
 */
public class SpawnException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public SpawnException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public SpawnException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
