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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.site.LimeSite;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PendingLogins} on its own: expiry without LIME's event, forgetting, the limit,
 * and events of requests started elsewhere.
 */
class PendingLoginsTests {

	private final SimulatedClock clock = new SimulatedClock();

	private final LimeSite site = LimeSite.builder().siteToken("st_test").apiBase("http://127.0.0.1:9/api/v1").build();

	private final PendingLogins pending = new PendingLogins(this.site, this.clock);

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
	void requestsAreForgottenAMinuteAfterTheyEnded() {
		this.pending.add(new LoginRequest("lr_ended", "PENDING", this.clock.instant().plusSeconds(120)));
		this.pending.add(new LoginRequest("lr_waiting", "PENDING", this.clock.instant().plusSeconds(120)));
		this.clock.advance(Duration.ofSeconds(30));
		this.pending.expired(new LimeLoginExpiredEvent("lr_ended"));

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.pending.contains("lr_ended")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.pending.contains("lr_ended")).isFalse();
		assertThat(this.pending.outcome("lr_ended")).isNull();
		assertThat(this.pending.contains("lr_waiting")).isTrue();
	}

	@Test
	void requestsNothingEndsAreForgottenAMinuteAfterTheirExpiryIsWellPast() {
		this.pending.add(new LoginRequest("lr_silent", "PENDING", this.clock.instant().plusSeconds(120)));

		this.clock.advance(Duration.ofSeconds(120 + 10 + 59));
		assertThat(this.pending.contains("lr_silent")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.pending.contains("lr_silent")).isFalse();
	}

	@Test
	void beyondTheLimitARequestIsRefusedBeforeItIsCreatedUntilAPlaceIsFree() {
		PendingLogins two = new PendingLogins(this.site, this.clock, 2);
		AtomicInteger created = new AtomicInteger();
		two.start(created(created, "lr_1")).block();
		two.start(created(created, "lr_2")).block();
		this.clock.advance(Duration.ofSeconds(30));
		two.expired(new LimeLoginExpiredEvent("lr_2"));

		assertThatExceptionOfType(TooManyPendingLoginsException.class)
			.isThrownBy(() -> two.start(created(created, "lr_3")).block())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(1)));
		assertThat(created).hasValue(2);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(two.start(created(created, "lr_3")).block()).extracting(LoginRequest::requestId).isEqualTo("lr_3");
		assertThat(two.contains("lr_1")).isTrue();
		assertThat(two.contains("lr_2")).isFalse();
		assertThat(two.contains("lr_3")).isTrue();
	}

	@Test
	void aRequestLimeDidNotCreateFreesItsPlace() {
		PendingLogins one = new PendingLogins(this.site, this.clock, 1);
		Mono<LoginRequest> refused = Mono.error(new IllegalStateException("LIME is down"));
		assertThatIllegalStateException().isThrownBy(() -> one.start(refused).block());

		AtomicInteger created = new AtomicInteger();
		assertThat(one.start(created(created, "lr_1")).block()).isNotNull();
		assertThat(one.contains("lr_1")).isTrue();
	}

	@Test
	void aLimitBelowOneIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PendingLogins(this.site, this.clock, 0))
			.withMessage("lime-login.max-pending-logins must be at least 1, not 0");
	}

	private Mono<LoginRequest> created(AtomicInteger count, String requestId) {
		return Mono.fromCallable(() -> {
			count.incrementAndGet();
			return new LoginRequest(requestId, "PENDING", this.clock.instant().plusSeconds(120));
		});
	}

	@Test
	void eventsOfRequestsStartedElsewhereAreIgnored() {
		this.pending.approved(new LimeLoginApprovedEvent("lr_elsewhere", "not.a.passport"));
		this.pending.expired(new LimeLoginExpiredEvent("lr_elsewhere"));

		assertThat(this.pending.contains("lr_elsewhere")).isFalse();
	}

}
