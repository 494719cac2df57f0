/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * A {@link PassportValidator} binding a login passport to its login request: the
 * {@code request_id} claim equals the id of the request the approval was for.
 */
public final class RequestIdValidator implements PassportValidator {

	private final String expectedRequestId;

	/**
	 * Create a validator.
	 * @param expectedRequestId the login request the passport must be for
	 */
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
