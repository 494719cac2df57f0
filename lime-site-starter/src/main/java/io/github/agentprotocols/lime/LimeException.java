package io.github.agentprotocols.lime;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Base of every LIME error: transport failures after the retries, malformed responses,
 * API errors and invalid passports. Carries the API's error {@code code}, the HTTP status
 * and the error's {@code detail} object when the API answered with them.
 */
public class LimeException extends RuntimeException {

	private final @Nullable String code;

	private final @Nullable Integer httpStatus;

	private final @Nullable Map<String, Object> detail;

	public LimeException(String message) {
		this(message, null, null, null, null);
	}

	public LimeException(String message, @Nullable Throwable cause) {
		this(message, null, null, null, cause);
	}

	public LimeException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.httpStatus = httpStatus;
		this.detail = (detail != null) ? Map.copyOf(detail) : null;
	}

	/**
	 * Return the API's error code, such as {@code SITE_TOKEN_INVALID}.
	 * @return the error code, or {@code null} when the API gave none
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * Return the HTTP status of the response that failed.
	 * @return the status, or {@code null} when no response was received
	 */
	public @Nullable Integer getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the error's {@code detail} object.
	 * @return the detail, or {@code null} when the API gave no object
	 */
	public @Nullable Map<String, Object> getDetail() {
		return this.detail;
	}

}
