package io.github.agentprotocols.lime;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown for an API error envelope that is neither an authentication nor a rate-limit
 * error, such as 400 {@code INVALID_REQUEST}, a 200 with {@code ok: false} or a 5xx left
 * after the retries. Code and HTTP status are always set.
 */
public class LimeApiException extends LimeException {

	public LimeApiException(String message, String code, int httpStatus, @Nullable Map<String, Object> detail) {
		super(message, code, httpStatus, detail, null);
	}

	@Override
	public String getCode() {
		return Objects.requireNonNull(super.getCode());
	}

	@Override
	public Integer getHttpStatus() {
		return Objects.requireNonNull(super.getHttpStatus());
	}

}
