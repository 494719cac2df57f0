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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.PassportExpiredException;

/**
 * A {@link PassportValidator} for the time claims: {@code exp} and {@code iat} present
 * and numeric, {@code exp} not passed and {@code nbf} (if present) reached, both with a
 * symmetric leeway for clock skew, and {@code iat} no further in the future than a bound.
 * Expiry throws {@link PassportExpiredException}.
 */
public final class TimestampValidator implements PassportValidator {

	private final Clock clock;

	private final double leeway;

	private final double maxFutureIssuedAt;

	/**
	 * Create a validator.
	 * @param clock the clock
	 * @param leeway the allowed clock skew on {@code exp} and {@code nbf}
	 * @param maxFutureIssuedAt how far in the future {@code iat} may be
	 */
	public TimestampValidator(Clock clock, Duration leeway, Duration maxFutureIssuedAt) {
		this.clock = clock;
		this.leeway = seconds(leeway);
		this.maxFutureIssuedAt = seconds(maxFutureIssuedAt);
	}

	@Override
	public void validate(Map<String, Object> claims) {
		double exp = NumericDates.required(claims, "exp");
		double iat = NumericDates.required(claims, "iat");
		double now = this.clock.millis() / 1000.0;
		if (now >= exp + this.leeway) {
			throw new PassportExpiredException("JWT expired at " + instant(exp));
		}
		if (iat > now + this.maxFutureIssuedAt) {
			throw new InvalidPassportException("JWT iat " + instant(iat) + " is too far in the future");
		}
		if (claims.containsKey("nbf")) {
			Double nbf = NumericDates.optional(claims, "nbf");
			if (nbf == null) {
				throw new InvalidPassportException("JWT nbf claim is not numeric");
			}
			if (nbf > now + this.leeway) {
				throw new InvalidPassportException("JWT not valid before " + instant(nbf));
			}
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static Instant instant(double seconds) {
		return Instant.ofEpochMilli(Math.round(seconds * 1000));
	}

}
