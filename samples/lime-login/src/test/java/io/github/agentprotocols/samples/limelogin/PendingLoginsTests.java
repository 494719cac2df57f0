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

package io.github.agentprotocols.samples.limelogin;

import java.time.Duration;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.site.LimeSite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PendingLogins} on its own: expiry without LIME's event, forgetting, and events
 * of requests started elsewhere.
 */
class PendingLoginsTests {

	private final SimulatedClock clock = new SimulatedClock();

	private final PendingLogins pending = new PendingLogins(
			LimeSite.builder().siteToken("st_test").apiBase("http://127.0.0.1:9/api/v1").build(), this.clock);

	@Test
	void requestLimeStaysSilentOnEndsExpiredOnceItsExpiryIsWellPast() {
		this.pending.add(new LoginRequest("lr_silent", "PENDING", this.clock.instant().minusSeconds(11)));

		assertThat(this.pending.outcome("lr_silent").block(Duration.ofSeconds(5))).isEqualTo(LoginOutcome.expired());
	}

	@Test
	void limesExpiredEventEndsTheRequest() {
		this.pending.add(new LoginRequest("lr_1", "PENDING", this.clock.instant().plusSeconds(120)));
		this.pending.expired(new LimeLoginExpiredEvent("lr_1"));

		assertThat(this.pending.outcome("lr_1").block(Duration.ofSeconds(5))).isEqualTo(LoginOutcome.expired());
	}

	@Test
	void requestsAreForgottenFiveMinutesAfterTheyExpired() {
		this.pending.add(new LoginRequest("lr_old", "PENDING", this.clock.instant()));
		this.clock.advance(Duration.ofMinutes(5));
		this.pending.add(new LoginRequest("lr_new", "PENDING", this.clock.instant().plusSeconds(120)));
		assertThat(this.pending.contains("lr_old")).isTrue();

		this.clock.advance(Duration.ofSeconds(1));
		this.pending.add(new LoginRequest("lr_newer", "PENDING", this.clock.instant().plusSeconds(120)));
		assertThat(this.pending.contains("lr_old")).isFalse();
		assertThat(this.pending.outcome("lr_old")).isNull();
		assertThat(this.pending.contains("lr_new")).isTrue();
	}

	@Test
	void eventsOfRequestsStartedElsewhereAreIgnored() {
		this.pending.approved(new LimeLoginApprovedEvent("lr_elsewhere", "not.a.passport"));
		this.pending.expired(new LimeLoginExpiredEvent("lr_elsewhere"));

		assertThat(this.pending.contains("lr_elsewhere")).isFalse();
	}

}
