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

import java.net.URI;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportExpiredException;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Agent Binding passports (LIME 1.2.0 and 2.0.0) from the fake LIME API.
 */
@ExtendWith(FakeLimeApiExtension.class)
class BindingPassportVerificationTests {

	private FakeLimeApi fake;

	private LimeSite site;

	@BeforeEach
	void setUp(FakeLimeApi fake) {
		this.fake = fake;
		this.site = LimeSite.builder().siteToken(fake.siteToken()).apiBase(fake.baseUrl()).build();
	}

	@Test
	void bindingFlowEndsWithAVerifiedPassportCarryingTheBindingId() {
		BindingRequest binding = this.site.createBindingRequest(URI.create("https://app.example/callback")).block();
		URI redirect = this.fake.completeBinding(binding.bindingId());
		String jwt = redirect.getQuery().substring(redirect.getQuery().indexOf("passport=") + "passport=".length());
		Passport passport = this.site.verifyBindingPassport(jwt).block();
		assertThat(passport.bindingId()).isEqualTo(binding.bindingId());
		assertThat(passport.agentId()).isEqualTo(this.fake.agentId());
		assertThat(passport.claims()).containsEntry("passport_version", "3");
	}

	@Test
	void loginPassportIsRefusedAsABindingPassportAndTheOtherWayRound() {
		String requestId = this.fake.createLoginRequestDirectly();
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(this.fake.passports().login(requestId)))
			.withMessageContaining("audience");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> blocking().verifyPassport(this.fake.passports().binding("br_1"), "br_1"))
			.withMessageContaining("audience");
	}

	@Test
	void bindingLifetimeIsCappedAt60Seconds() {
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(binding("br_ttl", 0, 61)))
			.withMessageContaining("TTL");
	}

	@Test
	void expiredBindingPassportIsAPassportExpiredException() {
		assertThatExceptionOfType(PassportExpiredException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(binding("br_old", -150, -100)));
	}

	@Test
	void missingOrBlankBindingIdIsRefused() {
		for (Object bindingId : new Object[] { null, "   " }) {
			String token = this.fake.passports()
				.sign(this.fake.passports().bindingClaims("br_x").claim("binding_id", bindingId).build());
			assertThatExceptionOfType(InvalidPassportException.class)
				.isThrownBy(() -> blocking().verifyBindingPassport(token))
				.withMessageContaining("missing binding_id");
		}
	}

	@Test
	void expectedBindingIdMustMatchWhenGiven() {
		assertThat(blocking().verifyBindingPassport(this.fake.passports().binding("br_1"), " br_1 ").bindingId())
			.isEqualTo("br_1");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(this.fake.passports().binding("br_2"), "br_3"))
			.withMessageContaining("binding_id");
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(this.fake.passports().binding("br_4"), " "))
			.withMessageContaining("expected_binding_id is required");
	}

	@Test
	void expectedModeOfLime120RequiresTheExpectedBindingId() {
		BlockingLimeSite lime120 = LimeSite.builder()
			.siteToken(this.fake.siteToken())
			.apiBase(this.fake.baseUrl())
			.passportVerifier((verifier) -> verifier.bindingIdCheck(BindingIdCheck.EXPECTED))
			.build()
			.blocking();
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> lime120.verifyBindingPassport(this.fake.passports().binding("br_1")))
			.withMessageContaining("expected_binding_id is required");
		assertThat(lime120.verifyBindingPassport(this.fake.passports().binding("br_1"), "br_1").bindingId())
			.isEqualTo("br_1");
	}

	@Test
	@SpecItem("LIME-8.9")
	void bindingPassportIsAcceptedOnce() {
		String token = this.fake.passports().binding("br_once");
		blocking().verifyBindingPassport(token);
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> blocking().verifyBindingPassport(token));
	}

	private String binding(String bindingId, long issuedIn, long expiresIn) {
		Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
		JWTClaimsSet claims = this.fake.passports()
			.bindingClaims(bindingId)
			.issueTime(Date.from(now.plusSeconds(issuedIn)))
			.expirationTime(Date.from(now.plusSeconds(expiresIn)))
			.build();
		return this.fake.passports().sign(claims);
	}

	private BlockingLimeSite blocking() {
		return this.site.blocking();
	}

}
