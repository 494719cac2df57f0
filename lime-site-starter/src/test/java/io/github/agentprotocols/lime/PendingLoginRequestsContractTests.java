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

package io.github.agentprotocols.lime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PendingLoginRequests} store does; a test class per implementation
 * extends this one.
 */
public abstract class PendingLoginRequestsContractTests {

	protected final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00Z"));

	/**
	 * A new, empty store on {@link #clock}.
	 * @param retention how long requests are kept past their expiry
	 * @param capacity how many requests are kept
	 * @return the store
	 */
	protected abstract PendingLoginRequests store(Duration retention, int capacity);

	@Test
	void addedRequestsArePendingUntilRemoved() {
		PendingLoginRequests store = store(Duration.ofHours(1), 10);
		Instant expiresAt = this.clock.instant().plusSeconds(120);
		store.add("lr_1", expiresAt).block();
		store.add("lr_2", expiresAt.plusSeconds(1)).block();
		assertThat(pending(store)).containsExactlyInAnyOrder(new PendingLoginRequest("lr_1", expiresAt),
				new PendingLoginRequest("lr_2", expiresAt.plusSeconds(1)));
		store.remove("lr_1").block();
		store.remove("lr_unknown").block();
		assertThat(pending(store)).containsExactly(new PendingLoginRequest("lr_2", expiresAt.plusSeconds(1)));
	}

	@Test
	void requestIsKeptForTheRetentionPastItsExpiryOnly() {
		PendingLoginRequests store = store(Duration.ofMinutes(10), 10);
		Instant expiresAt = this.clock.instant().plusSeconds(120);
		store.add("lr_1", expiresAt).block();
		this.clock.advance(Duration.ofSeconds(120).plusMinutes(10));
		assertThat(pending(store)).containsExactly(new PendingLoginRequest("lr_1", expiresAt));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(pending(store)).isEmpty();
	}

	@Test
	void beyondTheCapacityTheRequestsThatExpireFirstAreForgotten() {
		PendingLoginRequests store = store(Duration.ofHours(1), 3);
		Instant now = this.clock.instant();
		store.add("lr_late", now.plusSeconds(400)).block();
		store.add("lr_early", now.plusSeconds(100)).block();
		store.add("lr_mid", now.plusSeconds(200)).block();
		store.add("lr_later", now.plusSeconds(500)).block();
		assertThat(pending(store)).extracting(PendingLoginRequest::requestId)
			.containsExactlyInAnyOrder("lr_mid", "lr_late", "lr_later");
	}

	private static List<PendingLoginRequest> pending(PendingLoginRequests store) {
		return store.pending().collectList().block();
	}

}
