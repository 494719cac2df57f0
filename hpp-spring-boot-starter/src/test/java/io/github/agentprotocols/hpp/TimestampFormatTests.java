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

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digit-by-digit timestamps are the text of the pattern they replace, in every zone
 * and at every instant, including those it hands to the pattern.
 */
class TimestampFormatTests {

	private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"),
			ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"),
			ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHoursMinutesSeconds(1, 2, 3),
			ZoneId.of("Europe/Amsterdam"));

	private static final List<Instant> EDGES = List.of(Instant.EPOCH, Instant.parse("2026-06-24T14:33:15.123456Z"),
			Instant.parse("2026-06-24T14:33:15.000000999Z"), Instant.parse("2026-03-29T01:00:00Z"),
			Instant.parse("2026-10-25T00:59:59.999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
			Instant.parse("0000-12-31T23:59:59.999999Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
			Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1900-02-28T23:59:59.5Z"),
			Instant.parse("1937-06-30T23:59:59Z"));

	@Test
	void writesWhatThePatternWritesAtTheEdges() {
		for (ZoneId zone : ZONES) {
			for (Instant instant : EDGES) {
				assertSameText(zone, instant);
			}
		}
	}

	@Test
	void writesWhatThePatternWritesAtRandomInstants() {
		SplittableRandom random = new SplittableRandom(24);
		for (ZoneId zone : ZONES) {
			for (int i = 0; i < 2_000; i++) {
				long seconds = random.nextLong(Instant.parse("1800-01-01T00:00:00Z").getEpochSecond(),
						Instant.parse("2200-01-01T00:00:00Z").getEpochSecond());
				assertSameText(zone, Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)));
			}
		}
	}

	/**
	 * One format writes many instants in turn, several of the same second and the same
	 * one several times in a row as a response does for the fields of one request, across
	 * an offset change and to and from instants the pattern writes, each as the pattern
	 * writes it.
	 */
	@Test
	void writesEachInstantOfASequenceWithRepeats() {
		ZoneId zone = ZoneId.of("Europe/Paris");
		TimestampFormat format = new TimestampFormat(zone);
		DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(zone);
		for (Instant instant : List.of(EDGES.get(1), EDGES.get(1), EDGES.get(2), EDGES.get(1),
				Instant.parse("2026-06-24T14:33:15.999999Z"), Instant.parse("2026-03-29T00:59:59.999999Z"),
				EDGES.get(3), EDGES.get(3), Instant.parse("2026-03-29T01:00:00.000001Z"), EDGES.get(8), EDGES.get(8),
				EDGES.get(0))) {
			assertThat(format.format(instant)).as("%s", instant).isEqualTo(pattern.format(instant));
		}
	}

	private static void assertSameText(ZoneId zone, Instant instant) {
		String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(zone).format(instant);
		assertThat(new TimestampFormat(zone).format(instant)).as("%s in %s", instant, zone).isEqualTo(expected);
	}

}
