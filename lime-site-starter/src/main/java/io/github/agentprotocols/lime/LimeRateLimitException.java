package io.github.agentprotocols.lime;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the API refuses a call for its rate limit: HTTP 429 or code
 * {@code RATE_LIMIT_EXCEEDED}, once the retries are spent or the server asks for a longer
 * wait than the client is willing to make.
 */
public class LimeRateLimitException extends LimeException {

	private final @Nullable Duration retryAfter;

	public LimeRateLimitException(String message, @Nullable String code, @Nullable Integer httpStatus,
			@Nullable Map<String, Object> detail, @Nullable Duration retryAfter) {
		super(message, code, httpStatus, detail, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the wait the server asked for in its {@code Retry-After} header.
	 * @return the wait, or {@code null} when the response had no usable header
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
