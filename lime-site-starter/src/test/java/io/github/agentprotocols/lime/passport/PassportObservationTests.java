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

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observations of passport verification and of the JWKS fetch it needs, against the
 * {@link FakeLimeApi}: the outcome names the failed check, the token never appears.
 */
@ExtendWith(FakeLimeApiExtension.class)
class PassportObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private FakeLimeApi fake;

	private LimeSite site;

	private String requestId;

	@BeforeEach
	void setUp(FakeLimeApi fake) {
		this.fake = fake;
		this.site = LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.observationRegistry(this.registry)
			.build();
		this.requestId = fake.createLoginRequestDirectly();
	}

	@Test
	void validPassportIsObservedWithItsJwksFetchAsAChildAndNeverTheToken() {
		String token = this.fake.passports().login(this.requestId);
		this.site.blocking().verifyPassport(token, this.requestId);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.passport.verification")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "valid")
			.hasLowCardinalityKeyValue("lime.passport.kind", "login")
			.hasHighCardinalityKeyValue("lime.passport.expected.id", this.requestId);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.jwks.fetch")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("status", "200")
			.hasParentObservationContextMatching((parent) -> "lime.passport.verification".equals(parent.getName()));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.flatMap((context) -> context.getAllKeyValues().stream().map(KeyValue::getValue).toList())
				.noneMatch((value) -> value.contains(token)));
	}

	@Test
	void refusedPassportsAreObservedWithTheCheckTheyFailed() {
		assertOutcome(this.fake.passports().expired(this.requestId), "expired");
		assertOutcome(this.fake.passports().signedWithOtherKey(this.requestId), "bad_signature");
		assertOutcome(this.fake.passports().withAudience(this.requestId, "mcp"), "wrong_audience");
		assertOutcome(this.fake.passports().login("lr_other"), "wrong_request");
		assertOutcome("not.a.jwt", "malformed");
	}

	@Test
	void failingJwksFetchIsObservedAsAnErrorWithinTheVerification() {
		this.fake.faults().jwksUnavailable(true);
		assertOutcome(this.fake.passports().login(this.requestId), "jwks_unavailable");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.jwks.fetch")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasParentObservationContextMatching((parent) -> "lime.passport.verification".equals(parent.getName()));
	}

	@Test
	void verificationIsAChildOfTheObservationInTheReactorContext() {
		Observation caller = Observation.start("caller", this.registry);
		this.site.verifyPassport(this.fake.passports().login(this.requestId), this.requestId)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block();
		caller.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.passport.verification")
			.that()
			.hasParentObservationEqualTo(caller);
	}

	private void assertOutcome(String token, String outcome) {
		this.registry.clear();
		assertThatExceptionOfType(InvalidPassportException.class)
			.isThrownBy(() -> this.site.blocking().verifyPassport(token, this.requestId));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.passport.verification")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", outcome);
	}

}
