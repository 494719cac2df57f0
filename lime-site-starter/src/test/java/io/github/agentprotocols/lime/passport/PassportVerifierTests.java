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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportReplayedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PassportVerifier} over a local key source, for tokens the fake LIME API never
 * mints.
 */
class PassportVerifierTests {

	private final RSAKey key = TestTokens.key("k1");

	private final PassportVerifier verifier = PassportVerifier
		.withJwkSource(new ImmutableJWKSet<>(new JWKSet(this.key.toPublicJWK())))
		.build();

	@Test
	@SpecItem("LIME-7.non_dict_claims_raises")
	void signedPayloadThatIsNotAnObjectIsRefused() {
		for (String payload : new String[] { "[1,2]", "\"text\"", "42", "not json" }) {
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> this.verifier.verifyPassport(TestTokens.sign(this.key, payload), "lr_1"))
				.withMessageContaining("payload must be an object");
		}
	}

	/**
	 * Nimbus's parser throws a {@code NullPointerException} for a header that is
	 * {@code null} (found by {@code PassportFuzzTests.signedPassport}); a header that is
	 * not a JSON object is an invalid header, whatever the parser throws.
	 */
	@Test
	@SpecItem("LIME-8.9")
	void headerThatIsNotAJsonObjectIsAnInvalidHeader() {
		for (String header : new String[] { "null", "[]", "1", "\"RS256\"", "{\"alg\":null}" }) {
			String token = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> this.verifier.verifyPassport(token, "lr_1"))
				.as(header)
				.withMessageContaining("header");
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> this.verifier.verifyBindingPassport(token))
				.as(header)
				.withMessageContaining("header");
		}
	}

	@Test
	void customValidatorRunsAfterTheBuiltInChecks() {
		PassportVerifier strict = PassportVerifier
			.withJwkSource(new ImmutableJWKSet<>(new JWKSet(this.key.toPublicJWK())))
			.validator((claims) -> {
				if (!Integer.valueOf(3).equals(((Number) claims.get("user_kyc_level")).intValue())) {
					throw new InvalidPassportException("JWT user_kyc_level below 3");
				}
			})
			.build();
		long now = Instant.now().getEpochSecond();
		String token = TestTokens.sign(this.key, "{\"aud\":\"lime-site-login\",\"request_id\":\"lr_1\",\"iat\":" + now
				+ ",\"exp\":" + (now + 60) + ",\"user_kyc_level\":1}");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> strict.verifyPassport(token, "lr_1"))
			.withMessageContaining("user_kyc_level");
		assertThat(this.verifier.verifyPassport(token, "lr_1").requestId()).isEqualTo("lr_1");
	}

	@Test
	void bindingPassportSignedByAnotherKeyUnderTheSameKidFailsTheSignature() {
		RSAKey impostor = TestTokens.key("k1");
		long now = Instant.now().getEpochSecond();
		String token = TestTokens.sign(impostor,
				"{\"aud\":\"lime-binding\",\"binding_id\":\"br_1\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> this.verifier.verifyBindingPassport(token))
			.withMessageContaining("signature");
	}

	@Test
	void everyOutcomeReachesTheMetrics() {
		List<String> outcomes = new ArrayList<>();
		PassportVerifier metered = PassportVerifier
			.withJwkSource(new ImmutableJWKSet<>(new JWKSet(this.key.toPublicJWK())))
			.metrics(new LimeMetrics() {

				@Override
				public void passportVerified(Passport passport) {
					outcomes.add("verified " + passport.requestId());
				}

				@Override
				public void passportRejected(InvalidPassportException failure) {
					outcomes.add(failure.getClass().getSimpleName());
				}

			})
			.build();
		long now = Instant.now().getEpochSecond();
		String token = TestTokens.sign(this.key,
				"{\"aud\":\"lime-site-login\",\"request_id\":\"lr_1\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
		metered.verifyPassport(token, "lr_1");
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> metered.verifyPassport(token, "lr_1"));
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> metered.verifyPassport(token, null));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> metered.verifyBindingPassport(token));
		assertThat(outcomes).containsExactly("verified lr_1", "PassportReplayedException", "InvalidPassportException",
				"InvalidPassportException");
	}

}
