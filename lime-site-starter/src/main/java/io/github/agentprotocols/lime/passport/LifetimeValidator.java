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
