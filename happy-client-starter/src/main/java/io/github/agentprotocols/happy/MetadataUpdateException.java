package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server does not accept a session metadata update: its
 * {@code update-metadata} acknowledgement is an error, is malformed, or never comes.
 */
public class MetadataUpdateException extends HappyException {

	private final @Nullable String sessionId;

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public MetadataUpdateException(String message) {
		this(message, null, null);
	}

	/**
	 * Creates an exception for the given session.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 */
	public MetadataUpdateException(String message, @Nullable String sessionId) {
		this(message, sessionId, null);
	}

	/**
	 * Creates an exception for the given session, with a cause.
	 * @param message the detail message
	 * @param sessionId the id of the session updated, if known
	 * @param cause the cause, if any
	 */
	public MetadataUpdateException(String message, @Nullable String sessionId, @Nullable Throwable cause) {
		super(message, cause);
		this.sessionId = sessionId;
	}

	/**
	 * The id of the session whose metadata was being updated.
	 * @return the session id, or {@code null} when unknown
	 */
	public @Nullable String sessionId() {
		return this.sessionId;
	}

}
