package io.github.agentprotocols.lime;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a passport JWT fails verification: malformed, unsigned or wrongly signed,
 * unknown key, wrong audience, bad timestamps, too long a lifetime or the wrong request.
 * The message names the failed check with the keywords of the LIME specification
 * ({@code header}, {@code kid}, {@code Unknown JWT kid}, {@code signature},
 * {@code audience}, {@code exp or iat}, {@code TTL}, {@code request_id}, ...).
 */
public class InvalidPassportException extends LimeException {

	public InvalidPassportException(String message) {
		super(message);
	}

	public InvalidPassportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
