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

package io.github.agentprotocols.hpp.redis;

import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;

import io.github.agentprotocols.hpp.RequestWindow;
import org.jspecify.annotations.Nullable;

/**
 * A session's request window as Redis keeps it: a string of fixed-width entries, oldest
 * first, each the time of an accepted request in nanoseconds since the epoch as 16
 * hexadecimal digits. Fixed widths let a script find the first entry inside the window by
 * binary search, reading a few entries rather than the whole log.
 */
final class WindowLog {

	private static final HexFormat hex = HexFormat.of();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private WindowLog() {
	}

	/**
	 * The entry of one instant.
	 * @param instant the instant
	 * @return 16 hexadecimal digits
	 */
	static String entry(Instant instant) {
		return hex.toHexDigits(instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano());
	}

	/**
	 * The entries of several instants, in their order.
	 * @param instants the instants
	 * @return the entries, concatenated
	 */
	static String entries(Collection<Instant> instants) {
		StringBuilder entries = new StringBuilder(16 * instants.size());
		instants.forEach((instant) -> entries.append(entry(instant)));
		return entries.toString();
	}

	/**
	 * The entry where the window current at a given time starts: entries before it have
	 * left the window.
	 * @param now the current time
	 * @return the entry
	 */
	static String windowStart(Instant now) {
		return entry(now.minus(RequestWindow.LENGTH));
	}

	/**
	 * What the read script tells of a log, as three fields {@code dropped:count:oldest}.
	 *
	 * @param dropped how many entries at the start of the log have left the window
	 * @param count how many entries are inside the window
	 * @param oldest the oldest entry inside the window, or null when there is none
	 */
	record Summary(int dropped, int count, @Nullable Instant oldest) {

		/** How many fields a summary takes. */
		static final int FIELDS = 3;

		static Summary parse(String[] fields, int from) {
			Instant oldest = fields[from + 2].isEmpty() ? null : instant(fields[from + 2]);
			return new Summary(Integer.parseInt(fields[from]), Integer.parseInt(fields[from + 1]), oldest);
		}

		RequestWindow window() {
			return RequestWindow.ofSummary(this.count, this.oldest);
		}

		private static Instant instant(String entry) {
			long nanos = HexFormat.fromHexDigitsToLong(entry);
			return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
					Math.floorMod(nanos, NANOS_PER_SECOND));
		}

	}

}
