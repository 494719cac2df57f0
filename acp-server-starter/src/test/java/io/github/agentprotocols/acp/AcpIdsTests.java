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

package io.github.agentprotocols.acp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcpIdsTests {

	private static final String ID_PATTERN = "^(th|evt|run)_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

	@Test
	@SpecItem("ACP-10.2")
	void idsArePrefixedVersion7Uuids() {
		assertThat(AcpIds.thread()).matches(ID_PATTERN).startsWith("th_");
		assertThat(AcpIds.event()).matches(ID_PATTERN).startsWith("evt_");
		assertThat(AcpIds.run()).matches(ID_PATTERN).startsWith("run_");
		assertThat(AcpIds.toolCall())
			.matches("^call_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
	}

	@Test
	void uuidCarriesTheClocksMilliseconds() {
		SimulatedClock clock = new SimulatedClock(Instant.parse("2026-04-12T10:15:30.123Z"));
		UUID uuid = new UuidV7Generator(clock, new Random(1)).next();
		assertThat(uuid.version()).isEqualTo(7);
		assertThat(uuid.variant()).isEqualTo(2);
		assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
	}

	@Test
	void idsIncreaseStrictlyWithinOneMillisecondBeyondTheCounter() {
		UuidV7Generator generator = new UuidV7Generator(new SimulatedClock(Instant.EPOCH.plusSeconds(1000)),
				new Random(7));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(generator.next().toString());
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void idsIncreaseWhenTheClockStepsBack() {
		SimulatedClock clock = new SimulatedClock(Instant.EPOCH.plusSeconds(1000));
		UuidV7Generator generator = new UuidV7Generator(clock, new Random(3));
		String before = generator.next().toString();
		clock.advance(Duration.ofSeconds(-10));
		assertThat(generator.next().toString()).isGreaterThan(before);
	}

	@Test
	void randomBitsAreReadInBlocksAndNeverReused() {
		AtomicInteger reads = new AtomicInteger();
		Random source = new Random(5) {

			@Override
			public void nextBytes(byte[] bytes) {
				reads.incrementAndGet();
				super.nextBytes(bytes);
			}

		};
		UuidV7Generator generator = new UuidV7Generator(new SimulatedClock(Instant.EPOCH.plusSeconds(1000)), source);
		Set<Long> randomParts = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			randomParts.add(generator.next().getLeastSignificantBits());
		}
		assertThat(randomParts).hasSize(1_000);
		assertThat(reads).hasValueBetween(1_000 / 32, 1_000 / 32 + 2);
	}

}
