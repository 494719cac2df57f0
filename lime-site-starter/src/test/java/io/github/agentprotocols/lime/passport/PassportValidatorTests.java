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
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.memory.InMemoryPassportReplayStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PassportValidatorTests {

	private static final long NOW = 1_780_000_000L;

	private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

	private final TimestampValidator timestamps = new TimestampValidator(this.clock, Duration.ofSeconds(60),
			Duration.ofSeconds(60));

	@Test
	void audienceMatchesAStringOrAnArrayContainingIt() {
		AudienceValidator audience = new AudienceValidator("lime-site-login");
		assertThatNoException().isThrownBy(() -> audience.validate(Map.of("aud", "lime-site-login")));
		assertThatNoException().isThrownBy(() -> audience.validate(Map.of("aud", List.of("x", "lime-site-login"))));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> audience.validate(Map.of("aud", "lime-binding")))
			.withMessageContaining("audience");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> audience.validate(Map.of("aud", List.of("mcp"))))
			.withMessageContaining("audience");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> audience.validate(Map.of()))
			.withMessageContaining("audience");
	}

	@Test
	void issuerMustEqualTheConfiguredOne() {
		IssuerValidator issuer = new IssuerValidator("https://lime.pics");
		assertThatNoException().isThrownBy(() -> issuer.validate(Map.of("iss", "https://lime.pics")));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> issuer.validate(Map.of("iss", "https://evil.example")))
			.withMessageContaining("issuer");
	}

	@Test
	@SpecItem("LIME-7.missing_exp_or_iat")
	void expAndIatMustBePresentAndNumeric() {
		for (Map<String, Object> claims : List.<Map<String, Object>>of(Map.of("iat", NOW), Map.of("exp", NOW + 60),
				times("1700000000", NOW + 60), times(NOW, "abc"), withNull("iat"))) {
			assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> this.timestamps.validate(claims))
				.withMessageContaining("exp or iat");
		}
	}

	@Test
	@SpecItem("LIME-8.9")
	void expiryAllowsTheLeewayAndIsReportedAsExpired() {
		assertThatNoException().isThrownBy(() -> this.timestamps.validate(times(NOW - 100, NOW - 59)));
		assertThatExceptionOfType(PassportExpiredException.class)
			.isThrownBy(() -> this.timestamps.validate(times(NOW - 120, NOW - 60)))
			.withMessageContaining("expired");
	}

	@Test
	@SpecItem("LIME-8.9")
	void iatMayBeAheadByTheBoundOnly() {
		assertThatNoException().isThrownBy(() -> this.timestamps.validate(times(NOW + 5, NOW + 65)));
		assertThatNoException().isThrownBy(() -> this.timestamps.validate(times(NOW + 60, NOW + 120)));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> this.timestamps.validate(times(NOW + 61, NOW + 121)))
			.withMessageContaining("iat")
			.withMessageContaining("future");
	}

	@Test
	void notBeforeIsEnforcedWithTheLeeway() {
		Map<String, Object> soon = times(NOW, NOW + 60);
		soon.put("nbf", NOW + 60);
		assertThatNoException().isThrownBy(() -> this.timestamps.validate(soon));
		Map<String, Object> later = times(NOW, NOW + 120);
		later.put("nbf", NOW + 61);
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> this.timestamps.validate(later))
			.withMessageContaining("not valid before");
	}

	@Test
	void lifetimeIsCappedWithoutLeeway() {
		LifetimeValidator lifetime = new LifetimeValidator(Duration.ofSeconds(120));
		assertThatNoException().isThrownBy(() -> lifetime.validate(times(NOW, NOW + 120)));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> lifetime.validate(times(NOW, NOW + 121)))
			.withMessageContaining("TTL");
	}

	@Test
	void requestIdMustBePresentAndEqual() {
		RequestIdValidator requestId = new RequestIdValidator("lr_1");
		assertThatNoException().isThrownBy(() -> requestId.validate(Map.of("request_id", "lr_1")));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> requestId.validate(Map.of("request_id", "lr_2")))
			.withMessageContaining("request_id");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> requestId.validate(Map.of()))
			.withMessageContaining("request_id");
	}

	@Test
	void bindingIdMustBeANonBlankStringAndMatchTheTrimmedExpectedValue() {
		BindingIdValidator present = new BindingIdValidator(null);
		assertThatNoException().isThrownBy(() -> present.validate(Map.of("binding_id", "br_1")));
		for (Map<String, Object> claims : List.<Map<String, Object>>of(Map.of(), Map.of("binding_id", "  "),
				Map.of("binding_id", 7))) {
			assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> present.validate(claims))
				.withMessageContaining("binding_id");
		}
		BindingIdValidator expected = new BindingIdValidator(" br_1 ");
		assertThatNoException().isThrownBy(() -> expected.validate(Map.of("binding_id", "br_1")));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> expected.validate(Map.of("binding_id", "br_2")))
			.withMessageContaining("binding_id");
	}

	@Test
	void oneTimeUseRefusesTheSamePassportTwiceByItsIdentifyingClaim() {
		InMemoryPassportReplayStore store = new InMemoryPassportReplayStore(this.clock);
		OneTimeUseValidator oneTime = new OneTimeUseValidator(store, "lime-site-login", List.of("request_id", "jti"),
				Duration.ofSeconds(60));
		Map<String, Object> first = times(NOW, NOW + 60);
		first.put("request_id", "lr_1");
		oneTime.validate(first);
		Map<String, Object> reminted = times(NOW + 1, NOW + 61);
		reminted.put("request_id", "lr_1");
		assertThatExceptionOfType(PassportReplayedException.class).isThrownBy(() -> oneTime.validate(reminted))
			.withMessageContaining("already used");
		Map<String, Object> other = times(NOW, NOW + 60);
		other.put("request_id", "lr_2");
		assertThatNoException().isThrownBy(() -> oneTime.validate(other));
	}

	@Test
	void oneTimeUseWithoutIdentifyingClaimsKnowsThePassportByItsClaims() {
		OneTimeUseValidator oneTime = new OneTimeUseValidator(new InMemoryPassportReplayStore(this.clock),
				"lime-site-login", List.of("request_id", "jti"), Duration.ofSeconds(60));
		oneTime.validate(times(NOW, NOW + 60));
		assertThatNoException().isThrownBy(() -> oneTime.validate(times(NOW, NOW + 61)));
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> oneTime.validate(times(NOW, NOW + 60)));
	}

	@Test
	void delegatingValidatorStopsAtTheFirstFailure() {
		List<String> ran = new java.util.ArrayList<>();
		DelegatingPassportValidator validator = new DelegatingPassportValidator((claims) -> ran.add("first"),
				(claims) -> {
					throw new InvalidPassportException("second");
				}, (claims) -> ran.add("third"));
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> validator.validate(Map.of()))
			.withMessage("second");
		assertThat(ran).containsExactly("first");
	}

	private static Map<String, Object> times(Object iat, Object exp) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("iat", iat);
		claims.put("exp", exp);
		return claims;
	}

	private static Map<String, Object> withNull(String name) {
		Map<String, Object> claims = times(NOW, NOW + 60);
		claims.put(name, null);
		return claims;
	}

}
