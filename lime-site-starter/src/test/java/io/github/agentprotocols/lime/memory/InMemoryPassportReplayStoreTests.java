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

package io.github.agentprotocols.lime.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPassportReplayStoreTests {

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00Z"));

	private final InMemoryPassportReplayStore store = new InMemoryPassportReplayStore(this.clock);

	@Test
	void keyIsMarkedOnceUntilItsMarkExpires() {
		Instant until = this.clock.instant().plusSeconds(180);
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until)).isTrue();
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until)).isFalse();
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_2", until)).isTrue();
		this.clock.advance(Duration.ofSeconds(180));
		assertThat(this.store.markUsed("lime-site-login:request_id=lr_1", until.plusSeconds(180))).isTrue();
	}

	@Test
	void expiredMarksAreSweptAfterAMinute() {
		for (int i = 0; i < 100; i++) {
			this.store.markUsed("k" + i, this.clock.instant().plusSeconds(10));
		}
		assertThat(this.store.size()).isEqualTo(100);
		this.clock.advance(Duration.ofSeconds(61));
		this.store.markUsed("fresh", this.clock.instant().plusSeconds(10));
		assertThat(this.store.size()).isOne();
	}

}
