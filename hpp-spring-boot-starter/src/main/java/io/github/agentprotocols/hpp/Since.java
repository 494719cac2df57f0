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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the {@code since} parameter of the diff endpoint as an instant: an ISO-8601
 * date-time with offset or {@code Z}, or without offset (then in the server's zone). A
 * space where the offset's {@code +} belongs (an unencoded {@code +} in a query string)
 * is tolerated, as is a space between date and time.
 */
final class Since {

	private static final Pattern SPACE_FOR_PLUS = Pattern
		.compile("(.*[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?) ([0-9]{2}:[0-9]{2})");

	private Since() {
	}

	static Optional<Instant> parse(String text, ZoneId zone) {
		String normalized = SPACE_FOR_PLUS.matcher(text.trim()).replaceFirst("$1+$2");
		if (normalized.length() > 10 && normalized.charAt(10) == ' ') {
			normalized = normalized.substring(0, 10) + "T" + normalized.substring(11);
		}
		try {
			return Optional.of(OffsetDateTime.parse(normalized).toInstant());
		}
		catch (DateTimeException ex) {
			// try without offset
		}
		try {
			return Optional.of(LocalDateTime.parse(normalized).atZone(zone).toInstant());
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
