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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private final SessionLifetime lifetime = new SessionLifetime(T0.plus(Duration.ofHours(1)), Duration.ofSeconds(1800),
			T0);

	@Test
	void expiresOnlyOnceIdleForLongerThanItsTtl() {
		assertThat(this.lifetime.isExpired(T0.plusSeconds(1800))).isFalse();
		assertThat(this.lifetime.isExpired(T0.plusSeconds(1800).plusNanos(1))).isTrue();
		this.lifetime.touch(T0.plusSeconds(1000));
		assertThat(this.lifetime.isExpired(T0.plusSeconds(2800))).isFalse();
		assertThat(this.lifetime.expiresIn(T0.plusSeconds(1000).plusMillis(1))).isEqualTo(1799);
	}

	@Test
	void expiresAtItsDeadlineWhateverItsTtl() {
		this.lifetime.touch(T0.plusSeconds(3000));
		assertThat(this.lifetime.expiresIn(T0.plusSeconds(3000))).isEqualTo(600);
		assertThat(this.lifetime.isExpired(T0.plusSeconds(3600))).isFalse();
		assertThat(this.lifetime.isExpired(T0.plusSeconds(3600).plusNanos(1))).isTrue();
		assertThat(this.lifetime.expiresIn(T0.plusSeconds(4000))).isZero();
	}

	@Test
	void extensionGrowsTheTtlAndRestartsTheIdleTimer() {
		this.lifetime.extend(60, T0.plusSeconds(10));
		assertThat(this.lifetime.ttl()).isEqualTo(Duration.ofSeconds(1860));
		assertThat(this.lifetime.lastTouch()).isEqualTo(T0.plusSeconds(10));
	}

	@Test
	void extensionIsClampedToTheRoomBeforeTheDeadline() {
		assertThat(this.lifetime.extendWithinDeadline(86400, T0.plusSeconds(100))).isEqualTo(1700);
		assertThat(this.lifetime.ttl()).isEqualTo(Duration.ofSeconds(3500));
		assertThat(this.lifetime.expiresIn(T0.plusSeconds(100))).isEqualTo(3500);
	}

	@Test
	void extensionWithoutRoomChangesNothing() {
		assertThat(this.lifetime.extendWithinDeadline(60, T0.plusSeconds(1800))).isZero();
		assertThat(this.lifetime.ttl()).isEqualTo(Duration.ofSeconds(1800));
		assertThat(this.lifetime.lastTouch()).isEqualTo(T0);
	}

	@Test
	void copyIsIndependent() {
		SessionLifetime copy = this.lifetime.copy();
		copy.extend(60, T0.plusSeconds(5));
		assertThat(this.lifetime.ttl()).isEqualTo(Duration.ofSeconds(1800));
		assertThat(this.lifetime.lastTouch()).isEqualTo(T0);
	}

}
