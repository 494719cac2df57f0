package io.github.agentprotocols.lime;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the site token is missing or refused: no token configured, HTTP 401, or one
 * of the site token codes {@code SITE_TOKEN_MISSING}, {@code SITE_TOKEN_INVALID},
 * {@code SITE_SUSPENDED} (whatever the status).
 */
public class LimeAuthenticationException extends LimeException {

	public LimeAuthenticationException(String message) {
		super(message);
	}

	public LimeAuthenticationException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail) {
		super(message, code, httpStatus, detail, null);
	}

}
