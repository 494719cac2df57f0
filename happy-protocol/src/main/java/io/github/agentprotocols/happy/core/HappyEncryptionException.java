package io.github.agentprotocols.happy.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a record cannot be decrypted or encrypted: its key cannot be resolved from
 * the configured secret, a blob is tampered with, truncated or has a bad version byte, or
 * its plaintext is not the JSON expected.
 */
public class HappyEncryptionException extends HappyException {

	/**
	 * Creates an exception with the given message.
	 * @param message the detail message
	 */
	public HappyEncryptionException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public HappyEncryptionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
