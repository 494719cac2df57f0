package io.github.agentprotocols.acp.observation;

/**
 * What the observation of one REST operation records.
 */
public class RestObservationContext extends OperationObservationContext {

	private final String operation;

	/**
	 * Creates the context of an operation.
	 * @param operation the operation, such as {@code threads.create}
	 */
	public RestObservationContext(String operation) {
		this.operation = operation;
	}

	/**
	 * The operation.
	 * @return for example {@code messages.send}
	 */
	public String getOperation() {
		return this.operation;
	}

}
