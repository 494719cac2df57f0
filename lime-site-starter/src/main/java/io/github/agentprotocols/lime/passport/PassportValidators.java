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
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The default checks of a passport's claims, as {@link PassportVerifier} runs them: the
 * audience, the issuer when one is expected, the timestamps with a leeway of 60 s and at
 * most 60 s of future {@code iat}, and the lifetime cap of the audience (120 s for
 * {@value PassportVerifier#LOGIN_AUDIENCE}, 60 s for
 * {@value PassportVerifier#BINDING_AUDIENCE}). Each method returns a
 * {@link DelegatingPassportValidator} a caller can compose with checks of its own.
 */
public final class PassportValidators {

	static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);

	static final Duration DEFAULT_MAX_FUTURE_ISSUED_AT = Duration.ofSeconds(60);

	private PassportValidators() {
	}

	/**
	 * The default checks of passports for an audience.
	 * @param audience {@value PassportVerifier#LOGIN_AUDIENCE} or
	 * {@value PassportVerifier#BINDING_AUDIENCE}
	 * @return the checks, in order
	 */
	public static PassportValidator createDefault(String audience) {
		return createDefaultWithValidators(audience, List.of());
	}

	/**
	 * The default checks of passports for an audience, requiring an issuer.
	 * @param audience {@value PassportVerifier#LOGIN_AUDIENCE} or
	 * {@value PassportVerifier#BINDING_AUDIENCE}
	 * @param issuer the {@code iss} passports must carry
	 * @return the checks, in order
	 */
	public static PassportValidator createDefaultWithIssuer(String audience, String issuer) {
		return create(audience, issuer, Clock.systemUTC(), DEFAULT_LEEWAY, DEFAULT_MAX_FUTURE_ISSUED_AT, List.of());
	}

	/**
	 * The default checks of passports for an audience, followed by others.
	 * @param audience {@value PassportVerifier#LOGIN_AUDIENCE} or
	 * {@value PassportVerifier#BINDING_AUDIENCE}
	 * @param validators the checks to run after the default ones
	 * @return the checks, in order
	 */
	public static PassportValidator createDefaultWithValidators(String audience, List<PassportValidator> validators) {
		return create(audience, null, Clock.systemUTC(), DEFAULT_LEEWAY, DEFAULT_MAX_FUTURE_ISSUED_AT, validators);
	}

	static DelegatingPassportValidator create(String audience, @Nullable String issuer, Clock clock, Duration leeway,
			Duration maxFutureIssuedAt, List<PassportValidator> validators) {
		List<PassportValidator> checks = new ArrayList<>();
		checks.add(new AudienceValidator(audience));
		if (issuer != null) {
			checks.add(new IssuerValidator(issuer));
		}
		checks.add(new TimestampValidator(clock, leeway, maxFutureIssuedAt));
		checks.add(new LifetimeValidator(maxLifetime(audience)));
		checks.addAll(validators);
		return new DelegatingPassportValidator(checks);
	}

	private static Duration maxLifetime(String audience) {
		Assert.isTrue(
				PassportVerifier.LOGIN_AUDIENCE.equals(audience) || PassportVerifier.BINDING_AUDIENCE.equals(audience),
				() -> "Unknown passport audience " + audience);
		return PassportVerifier.LOGIN_AUDIENCE.equals(audience) ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
	}

}
