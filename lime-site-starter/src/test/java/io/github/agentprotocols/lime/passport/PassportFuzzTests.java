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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.agentprotocols.lime.FuzzSigningKey;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.testsupport.SpecItem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of passport JWTs through {@link PassportVerifier}, over a local
 * key source as LIME's JWKS would serve it: a passport is accepted, as a fully formed
 * {@link Passport}, or refused with an {@link InvalidPassportException} (or one of its
 * subtypes); never another exception.
 * <p>
 * {@link #signedPassport} signs whatever header and claims it is given with LIME's key,
 * so that the claims checks see every payload; {@link #token} hands the verifier the
 * token as a client would send it. Regression mode (the default) runs the inputs under
 * {@code src/test/resources/io/github/agentprotocols/lime/passport/PassportFuzzTestsInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (contributing/fuzzing.md).
 */
@SpecItem("LIME-8.9")
class PassportFuzzTests {

	private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

	/**
	 * A passport LIME signed, whatever it holds. The input's first line is the
	 * verification ({@code login <expected request id>}, {@code binding} or
	 * {@code binding <expected binding id>}), its second line the JWS header (LIME's when
	 * empty), the rest the payload.
	 * @param input the verification, header and payload
	 */
	@FuzzTest
	@DictionaryEntries({ "\"alg\":\"RS256\"", "\"kid\":\"fuzz-1\"", "\"typ\":\"JWT\"", "\"crit\":[", "\"b64\":false",
			"\"aud\":\"lime-site-login\"", "\"aud\":\"lime-binding\"", "\"aud\":[", "\"request_id\":\"lr_1\"",
			"\"binding_id\":\"br_1\"", "\"jti\":", "\"sub\":", "\"iss\":", "\"iat\":1781517600", "\"exp\":1781517660",
			"\"nbf\":", "1e300", "-1", "null" })
	void signedPassport(byte[] input) {
		byte[][] lines = lines(input, 3);
		String verification = new String(lines[0], StandardCharsets.UTF_8).trim();
		byte[] header = (lines[1].length > 0) ? lines[1] : FuzzSigningKey.header().getBytes(StandardCharsets.UTF_8);
		verify(verification, FuzzSigningKey.sign(header, lines[2]));
	}

	/**
	 * A token as a client sends it, verified as a login passport for {@code lr_1} and as
	 * a binding passport.
	 * @param input the token's text
	 */
	@FuzzTest
	@DictionaryEntries({ "eyJhbGciOiJSUzI1NiIsImtpZCI6ImZ1enotMSIsInR5cCI6IkpXVCJ9", "eyJhbGciOiJub25lIn0", ".", "eyJ9",
			"e30" })
	void token(byte[] input) {
		String token = new String(input, StandardCharsets.UTF_8);
		verify("login lr_1", token);
		verify("binding", token);
	}

	private static void verify(String verification, String token) {
		PassportVerifier verifier = PassportVerifier
			.withJwkSource(new ImmutableJWKSet<>(new JWKSet(FuzzSigningKey.key().toPublicJWK())))
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build();
		String[] words = verification.split(" ", 2);
		String expected = (words.length > 1) ? words[1] : null;
		try {
			Passport passport;
			if (words[0].equals("binding")) {
				passport = (expected != null) ? verifier.verifyBindingPassport(token, expected)
						: verifier.verifyBindingPassport(token);
				assertThat(passport.bindingId()).isNotBlank();
			}
			else {
				passport = verifier.verifyPassport(token, expected);
				assertThat(passport.requestId()).isEqualTo(expected);
			}
			assertThat(passport.claims()).isNotNull();
		}
		catch (InvalidPassportException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	private static byte[][] lines(byte[] input, int count) {
		byte[][] lines = new byte[count][];
		int start = 0;
		for (int i = 0; i < count - 1; i++) {
			int end = start;
			while (end < input.length && input[end] != '\n') {
				end++;
			}
			lines[i] = Arrays.copyOfRange(input, Math.min(start, input.length), Math.min(end, input.length));
			start = end + 1;
		}
		lines[count - 1] = Arrays.copyOfRange(input, Math.min(start, input.length), input.length);
		return lines;
	}

}
