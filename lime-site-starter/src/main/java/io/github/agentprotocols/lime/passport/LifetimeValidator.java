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

import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * A {@link PassportValidator} capping a passport's lifetime {@code exp - iat}: 120 s for
 * login passports, 60 s for binding passports.
 */
public final class LifetimeValidator implements PassportValidator {

	private final Duration maxTtl;

	/**
	 * Create a validator.
	 * @param maxTtl the longest lifetime a passport may claim
	 */
	public LifetimeValidator(Duration maxTtl) {
		this.maxTtl = maxTtl;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		double ttl = NumericDates.required(claims, "exp") - NumericDates.required(claims, "iat");
		if (ttl * 1000 > this.maxTtl.toMillis()) {
			throw new InvalidPassportException(
					"JWT TTL exceeds " + this.maxTtl.toSeconds() + " s (exp - iat = " + ttl + " s)");
		}
	}

}
