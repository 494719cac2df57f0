package io.github.agentprotocols.hpp;

/**
 * Thrown by a {@link PacedDelivery} that cannot queue another batch for a session: as
 * many batches as allowed already wait for the one being delivered.
 */
public class DeliveryBacklogFullException extends HppException {

	/**
	 * Creates the exception.
	 * @param maxQueuedBatches the cap of batches waiting per session
	 */
	public DeliveryBacklogFullException(int maxQueuedBatches) {
		super("Session has " + maxQueuedBatches + " action batches waiting for delivery already", null, false, false);
	}

}
