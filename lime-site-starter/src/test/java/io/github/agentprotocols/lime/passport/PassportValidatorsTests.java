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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PassportValidators}, the default claim checks a caller can reach and
 * extend.
 */
class PassportValidatorsTests {

	@Test
	void defaultChecksAcceptAFreshPassportOfTheirAudienceOnly() {
		PassportValidator login = PassportValidators.createDefault(PassportVerifier.LOGIN_AUDIENCE);
		assertThatNoException().isThrownBy(() -> login.validate(claims(PassportVerifier.LOGIN_AUDIENCE, 100)));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> login.validate(claims(PassportVerifier.BINDING_AUDIENCE, 30)));
	}

	@Test
	void defaultChecksCapTheLifetimeOfEachAudience() {
		PassportValidator login = PassportValidators.createDefault(PassportVerifier.LOGIN_AUDIENCE);
		PassportValidator binding = PassportValidators.createDefault(PassportVerifier.BINDING_AUDIENCE);
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> login.validate(claims(PassportVerifier.LOGIN_AUDIENCE, 121)))
			.withMessageContaining("TTL exceeds 120 s");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> binding.validate(claims(PassportVerifier.BINDING_AUDIENCE, 100)))
			.withMessageContaining("TTL exceeds 60 s");
	}

	@Test
	void withAnIssuerOnlyThatIssuerIsAccepted() {
		PassportValidator validator = PassportValidators.createDefaultWithIssuer(PassportVerifier.LOGIN_AUDIENCE,
				"https://lime.pics");
		Map<String, Object> claims = claims(PassportVerifier.LOGIN_AUDIENCE, 60);
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> validator.validate(claims));
		claims.put("iss", "https://lime.pics");
		assertThatNoException().isThrownBy(() -> validator.validate(claims));
		claims.put("iss", "https://elsewhere.example");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> validator.validate(claims));
	}

	@Test
	void ownChecksRunAfterTheDefaultOnes() {
		PassportValidator own = (claims) -> {
			if (!claims.containsKey("tenant")) {
				throw new InvalidPassportException("no tenant");
			}
		};
		PassportValidator validator = PassportValidators.createDefaultWithValidators(PassportVerifier.LOGIN_AUDIENCE,
				List.of(own));
		Map<String, Object> claims = claims(PassportVerifier.LOGIN_AUDIENCE, 60);
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> validator.validate(claims))
			.withMessage("no tenant");
		claims.put("aud", "someone-else");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> validator.validate(claims))
			.withMessageNotContaining("tenant");
		claims.put("aud", PassportVerifier.LOGIN_AUDIENCE);
		claims.put("tenant", "t1");
		assertThatNoException().isThrownBy(() -> validator.validate(claims));
	}

	@Test
	void anUnknownAudienceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PassportValidators.createDefault("lime-other"));
	}

	private static Map<String, Object> claims(String audience, long lifetimeSeconds) {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new HashMap<>();
		claims.put("aud", audience);
		claims.put("iat", now - 1);
		claims.put("exp", now - 1 + lifetimeSeconds);
		return claims;
	}

}
