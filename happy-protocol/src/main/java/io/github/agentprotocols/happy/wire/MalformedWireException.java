package io.github.agentprotocols.happy.wire;

import io.github.agentprotocols.happy.core.HappyException;

/**
 * Thrown when the server sends JSON that does not have the shape the spec gives it. The
 * client maps it to a more specific {@link HappyException} where the operation has one (a
 * malformed {@code update-metadata} ack, for instance).
 */
public class MalformedWireException extends HappyException {

	/**
	 * Create a new exception.
	 * @param message what was malformed
	 */
	public MalformedWireException(String message) {
		super(message);
	}

}
