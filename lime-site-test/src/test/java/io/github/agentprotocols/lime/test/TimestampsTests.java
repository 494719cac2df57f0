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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code expires_at} is written with 0, 3 or 6 fractional digits and a {@code Z} or
 * {@code ±HH:MM} offset (spec §3.2).
 */
class TimestampsTests {

	private static final Timestamps utc = new Timestamps(ZoneOffset.UTC);

	@Test
	void wholeSecondsHaveNoFraction() {
		assertThat(utc.format(Instant.parse("2026-06-10T12:00:00Z"))).isEqualTo("2026-06-10T12:00:00+00:00");
	}

	@Test
	void millisecondsHaveThreeDigits() {
		assertThat(utc.format(Instant.parse("2026-06-10T12:00:00.120Z"))).isEqualTo("2026-06-10T12:00:00.120+00:00");
	}

	@Test
	void microsecondsHaveSixDigits() {
		assertThat(utc.format(Instant.parse("2026-06-10T12:00:00.000001Z")))
			.isEqualTo("2026-06-10T12:00:00.000001+00:00");
	}

	@Test
	void nanosecondsAreTruncatedToSixDigits() {
		assertThat(utc.format(Instant.parse("2026-06-10T12:00:00.123456789Z")))
			.isEqualTo("2026-06-10T12:00:00.123456+00:00");
	}

	@Test
	void nullOffsetWritesZ() {
		assertThat(new Timestamps(null).format(Instant.parse("2026-06-10T12:00:00Z")))
			.isEqualTo("2026-06-10T12:00:00Z");
	}

	@Test
	void otherOffsetsAreWrittenAsHoursAndMinutes() {
		Instant instant = Instant.parse("2026-06-10T12:00:00Z");
		assertThat(new Timestamps(ZoneOffset.ofHoursMinutes(5, 30)).format(instant))
			.isEqualTo("2026-06-10T17:30:00+05:30");
		assertThat(new Timestamps(ZoneOffset.ofHours(-7)).format(instant)).isEqualTo("2026-06-10T05:00:00-07:00");
	}

	@Test
	void createdRequestsUseTheConfiguredOffset() throws Exception {
		SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00.123456789Z"));
		try (FakeLimeApi fake = FakeLimeApi.builder()
			.clock(clock)
			.requestTtl(Duration.ofSeconds(120))
			.expiresAtOffset(null)
			.start()) {
			String expiresAt = SiteClient.data(new SiteClient(fake).createLoginRequest()).get("expires_at").asString();
			assertThat(expiresAt).isEqualTo("2026-06-10T12:02:00.123456Z");
		}
	}

}
