package io.github.agentprotocols.acp;

/**
 * Thrown by {@link ThreadStore#append} for an event whose id is already stored (spec §8
 * E25, for example a handler yielding the same factory event twice). Its code is
 * {@code internal_error}: a run that meets it fails with that code.
 */
public class DuplicateEventIdException extends AcpException {

	/**
	 * Creates an exception.
	 * @param eventId the id that is already stored
	 */
	public DuplicateEventIdException(String eventId) {
		super(AcpErrorCode.INTERNAL_ERROR, "event id already stored: " + eventId);
	}

}
