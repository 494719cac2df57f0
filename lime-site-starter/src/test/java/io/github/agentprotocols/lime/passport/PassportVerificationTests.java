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
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Login passports from the fake LIME API verified through {@link LimeSite}, keys fetched
 * from the fake's JWKS.
 */
@ExtendWith(FakeLimeApiExtension.class)
class PassportVerificationTests {

	private FakeLimeApi fake;

	private BlockingLimeSite site;

	private String requestId;

	@BeforeEach
	void setUp(FakeLimeApi fake) {
		this.fake = fake;
		this.site = site((verifier) -> {
		});
		this.requestId = fake.createLoginRequestDirectly();
	}

	@Test
	@SpecItem("LIME-7.verify_valid_jwt")
	void validPassportVerifiesWithAgentIdFromSubAndItsRequestId() {
		Passport passport = this.site.verifyPassport(this.fake.passports().login(this.requestId), this.requestId);
		assertThat(passport.agentId()).isEqualTo(this.fake.agentId());
		assertThat(passport.requestId()).isEqualTo(this.requestId);
		assertThat(passport.claims()).containsEntry("sub", this.fake.agentId())
			.containsEntry("agent_id", this.fake.agentId())
			.containsEntry("request_id", this.requestId)
			.containsKey("user_id");
		assertThat(Duration.between(passport.issuedAt(), passport.expiresAt())).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	@SpecItem("LIME-7.bad_signature")
	void passportSignedByAnotherKeyUnderTheSameKidFailsTheSignature() {
		assertInvalid(this.fake.passports().signedWithOtherKey(this.requestId), "signature");
	}

	@Test
	@SpecItem("LIME-7.wrong_audience")
	@SpecItem("LIME-8.9")
	void wrongAudienceIsRefusedAndAnArrayContainingTheAudienceAccepted() {
		assertInvalid(this.fake.passports().withAudience(this.requestId, "mcp"), "audience");
		String array = this.fake.passports()
			.sign(this.fake.passports()
				.loginClaims(this.requestId)
				.audience(List.of("lime-binding", "lime-site-login"))
				.build());
		assertThat(this.site.verifyPassport(array, this.requestId).requestId()).isEqualTo(this.requestId);
	}

	@Test
	@SpecItem("LIME-7.expired_jwt")
	@SpecItem("LIME-8.9")
	void expiredPassportIsAPassportExpiredException() {
		assertThatExceptionOfType(PassportExpiredException.class)
			.isThrownBy(() -> this.site.verifyPassport(this.fake.passports().expired(this.requestId), this.requestId))
			.withMessageContaining("expired");
	}

	@Test
	@SpecItem("LIME-7.ttl_too_long")
	void lifetimeAbove120SecondsIsRefused() {
		assertInvalid(this.fake.passports().ttlTooLong(this.requestId), "TTL");
	}

	@Test
	@SpecItem("LIME-7.request_id_mismatch")
	void passportForAnotherRequestIsRefused() {
		assertInvalid(this.fake.passports().login("lr_other"), "request_id");
	}

	@Test
	@SpecItem("LIME-8.9")
	void passportWithoutRequestIdIsRefused() {
		String token = this.fake.passports()
			.sign(this.fake.passports().loginClaims(this.requestId).claim("request_id", null).build());
		assertInvalid(token, "request_id");
	}

	@Test
	@SpecItem("LIME-8.9")
	void requestBindingIsRequiredByDefault() {
		String token = this.fake.passports().login(this.requestId);
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> this.site.verifyPassport(token, null))
			.withMessageContaining("request_id is required");
		assertThatExceptionOfType(InvalidPassportException.class).isThrownBy(() -> this.site.verifyPassport(token, " "))
			.withMessageContaining("request_id is required");
		BlockingLimeSite unbound = site((verifier) -> verifier.requireRequestBinding(false));
		assertThat(unbound.verifyPassport(token, null).requestId()).isEqualTo(this.requestId);
	}

	@Test
	@SpecItem("LIME-7.missing_kid_header")
	void passportWithoutKidIsRefused() {
		assertInvalid(this.fake.passports().withoutKid(this.requestId), "kid");
	}

	@Test
	@SpecItem("LIME-7.unknown_kid_raises_when_not_in_jwks")
	void unknownKidIsRefused() {
		assertInvalid(this.fake.passports().withUnknownKid(this.requestId), "Unknown JWT kid");
	}

	@Test
	void unsignedPassportIsRefusedWithoutFetchingKeys() {
		assertInvalid(this.fake.passports().unsigned(this.requestId), "signature");
		assertThat(this.fake.requests().count(Endpoint.JWKS)).isZero();
	}

	@Test
	void hs256PassportSignedWithThePublicKeyIsRefused() {
		assertInvalid(this.fake.passports().hs256WithPublicKey(this.requestId), "signature");
	}

	@Test
	@SpecItem("LIME-8.9")
	void malformedTokenIsAnInvalidHeader() {
		for (String token : new String[] { "not-a-jwt", "a.b.c", "", "eyJhbGciOiJSUzI1NiJ9" }) {
			assertInvalid(token, "header");
		}
	}

	@Test
	@SpecItem("LIME-7.missing_exp_or_iat")
	void passportWithoutExpIsRefused() {
		String token = this.fake.passports()
			.sign(this.fake.passports().loginClaims(this.requestId).expirationTime(null).build());
		assertInvalid(token, "exp or iat");
	}

	@Test
	@SpecItem("LIME-8.9")
	void replayedPassportIsAPassportReplayedException() {
		String token = this.fake.passports().login(this.requestId);
		this.site.verifyPassport(token, this.requestId);
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> this.site.verifyPassport(token, this.requestId))
			.withMessageContaining("already used");
	}

	@Test
	@SpecItem("LIME-8.9")
	void replayIsRefusedForAnotherPassportOfTheSameRequestToo() {
		this.site.verifyPassport(this.fake.passports().login(this.requestId), this.requestId);
		String reminted = this.fake.passports()
			.sign(this.fake.passports().loginClaims(this.requestId).claim("agent_reputation", 11).build());
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> this.site.verifyPassport(reminted, this.requestId));
	}

	@Test
	void invalidPassportIsNotMarkedUsed() {
		assertInvalid(this.fake.passports().login("lr_other"), "request_id");
		assertThat(this.site.verifyPassport(this.fake.passports().login(this.requestId), this.requestId)).isNotNull();
	}

	@Test
	@SpecItem("LIME-8.9")
	void oneTimeUseCanBeTurnedOff() {
		BlockingLimeSite reusable = site((verifier) -> verifier.oneTimeUse(false));
		String token = this.fake.passports().login(this.requestId);
		reusable.verifyPassport(token, this.requestId);
		assertThat(reusable.verifyPassport(token, this.requestId).requestId()).isEqualTo(this.requestId);
	}

	@Test
	@SpecItem("LIME-8.9")
	void iatFiveSecondsAheadIsAcceptedAndFarAheadRefused() {
		String soon = this.fake.passports().issuedInFuture(this.requestId, Duration.ofSeconds(5));
		assertThat(this.site.verifyPassport(soon, this.requestId).requestId()).isEqualTo(this.requestId);
		String other = this.fake.createLoginRequestDirectly();
		assertInvalid(this.fake.passports().issuedInFuture(other, Duration.ofSeconds(300)), other, "future");
	}

	@Test
	void configuredIssuerIsChecked() {
		BlockingLimeSite strict = site((verifier) -> verifier.issuer("https://issuer.example"));
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> strict.verifyPassport(this.fake.passports().login(this.requestId), this.requestId))
			.withMessageContaining("issuer");
		BlockingLimeSite lime = site((verifier) -> verifier.issuer("https://lime.pics"));
		assertThat(lime.verifyPassport(this.fake.passports().login(this.requestId), this.requestId)).isNotNull();
	}

	@Test
	void notBeforeInTheFutureIsRefused() {
		JWTClaimsSet claims = this.fake.passports()
			.loginClaims(this.requestId)
			.notBeforeTime(new Date(System.currentTimeMillis() + 300_000))
			.build();
		assertInvalid(this.fake.passports().sign(claims), "not valid before");
	}

	private BlockingLimeSite site(Consumer<PassportVerifier.Builder> verifier) {
		return LimeSite.builder()
			.siteToken(this.fake.siteToken())
			.apiBase(this.fake.baseUrl())
			.passportVerifier(verifier)
			.build()
			.blocking();
	}

	private void assertInvalid(String token, String keyword) {
		assertInvalid(token, this.requestId, keyword);
	}

	private void assertInvalid(String token, String requestId, String keyword) {
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> this.site.verifyPassport(token, requestId))
			.withMessageContaining(keyword)
			.isNotInstanceOf(PassportReplayedException.class);
	}

}
