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

package io.github.agentprotocols.lime.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import io.github.agentprotocols.lime.test.FakeLimeServerState.SiteTokenProblem;
import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FakeLimeServerState} alone, without the fake's server: requests and
 * their expiry, site tokens and bindings.
 */
class FakeLimeServerStateTests {

	private final FakeLimeServerState state = new FakeLimeServerState(Clock.systemUTC(), Duration.ofSeconds(120),
			Duration.ofMinutes(10), 8, "st_test", "at_test", JwksMode.ENVELOPE, ZoneOffset.UTC,
			new EventStreams(true, true, true));

	@Test
	void loginRequestIsPendingUntilExpiredOnce() {
		String requestId = this.state.createLoginRequest().id;
		assertThat(this.state.status(requestId)).isEqualTo(LoginRequestStatus.PENDING);
		assertThat(this.state.expire(requestId)).isTrue();
		assertThat(this.state.status(requestId)).isEqualTo(LoginRequestStatus.EXPIRED);
		assertThat(this.state.expire(requestId)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.state.status("lr_unknown"));
	}

	@Test
	void loginRequestsAreForgottenTheRetentionAfterTheirExpiryWhateverTheirStatus() {
		SimulatedClock clock = new SimulatedClock();
		FakeLimeServerState state = new FakeLimeServerState(clock, Duration.ofSeconds(120), Duration.ofMinutes(10), 8,
				"st_test", "at_test", JwksMode.ENVELOPE, ZoneOffset.UTC, new EventStreams(false, false, true));
		String expired = state.createLoginRequest().id;
		LoginRequests.Entry approved = state.createLoginRequest();
		assertThat(state.approve(approved)).isEqualTo(LoginRequestStatus.APPROVED);
		clock.advance(Duration.ofSeconds(1));
		String later = state.createLoginRequest().id;

		clock.advance(Duration.ofSeconds(119).plusMinutes(10));
		state.expireDueRequests();
		assertThat(state.status(expired)).isEqualTo(LoginRequestStatus.EXPIRED);
		assertThat(state.status(approved.id)).isEqualTo(LoginRequestStatus.APPROVED);

		clock.advance(Duration.ofMillis(1));
		state.expireDueRequests();
		assertThat(state.findLoginRequest(expired)).isNull();
		assertThat(state.findLoginRequest(approved.id)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> state.status(expired));
		assertThat(state.status(later)).isEqualTo(LoginRequestStatus.EXPIRED);
	}

	@Test
	void siteTokenIsCheckedAndTheSiteCanBeSuspended() {
		assertThat(this.state.checkSiteToken(null)).isEqualTo(SiteTokenProblem.MISSING);
		assertThat(this.state.checkSiteToken("st_other")).isEqualTo(SiteTokenProblem.INVALID);
		assertThat(this.state.checkSiteToken("st_test")).isNull();
		this.state.suspendSite(true);
		assertThat(this.state.checkSiteToken("st_test")).isEqualTo(SiteTokenProblem.SUSPENDED);
	}

	@Test
	void bindingCompletesOnceWithAPassportOnTheRedirect() {
		String bindingId = this.state.createBindingRequest(URI.create("https://app.example/callback?x=1")).id();
		URI redirect = this.state.completeBinding(bindingId);
		assertThat(redirect).isNotNull();
		assertThat(redirect.toString()).startsWith("https://app.example/callback?x=1&passport=ey");
		assertThat(this.state.completeBinding(bindingId)).isNull();
	}

}
