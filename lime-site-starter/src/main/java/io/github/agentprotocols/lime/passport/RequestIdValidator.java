package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * A {@link PassportValidator} binding a login passport to its login request: the
 * {@code request_id} claim equals the id of the request the approval was for.
 */
public final class RequestIdValidator implements PassportValidator {

	private final String expectedRequestId;

	public RequestIdValidator(String expectedRequestId) {
		this.expectedRequestId = expectedRequestId;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		Object requestId = claims.get("request_id");
		if (requestId == null) {
			throw new InvalidPassportException("JWT request_id claim is missing");
		}
		if (!this.expectedRequestId.equals(requestId)) {
			throw new InvalidPassportException("JWT request_id does not match the login request");
		}
	}

}
