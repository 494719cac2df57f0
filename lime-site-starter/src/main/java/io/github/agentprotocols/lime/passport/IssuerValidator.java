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
 * A {@link PassportValidator} for the {@code iss} claim, when the site configures the
 * issuer it expects (LIME's own value is not specified, so none is checked by default).
 */
public final class IssuerValidator implements PassportValidator {

	private final String issuer;

	/**
	 * Create a validator.
	 * @param issuer the issuer the passport must name
	 */
	public IssuerValidator(String issuer) {
		this.issuer = issuer;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		if (!this.issuer.equals(claims.get("iss"))) {
			throw new InvalidPassportException("JWT issuer is not " + this.issuer + ": " + claims.get("iss"));
		}
	}

}
