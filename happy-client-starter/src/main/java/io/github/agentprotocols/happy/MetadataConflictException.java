package io.github.agentprotocols.happy;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a session metadata update keeps losing the optimistic-concurrency race: the
 * server answered {@code version-mismatch} more often than the client retries. A
 * {@link MetadataUpdateException}, so that one catch covers every failed update.
 */
public class MetadataConflictException extends MetadataUpdateException {

	/**
	 * Creates an exception for the given session.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 */
	public MetadataConflictException(String message, @Nullable String sessionId) {
		super(message, sessionId);
	}

}
