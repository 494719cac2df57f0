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

package io.github.agentprotocols.acp.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.commons.Internal;

/**
 * x64acp timestamps (W4): written in UTC with a {@code Z} suffix and exactly six
 * fractional digits ({@code 2026-04-12T10:15:30.123456Z}); read from any RFC 3339 form
 * with an offset and 0-9 fractional digits, converted to UTC and truncated to
 * microseconds.
 */
@Internal
public final class AcpTimestamps {

	private static final DateTimeFormatter WRITER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter READER = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendOffset("+HH:MM", "Z")
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private AcpTimestamps() {
	}

	/**
	 * Writes an instant in the W4 form.
	 * @param instant the instant, truncated to microseconds
	 * @return for example {@code 2026-04-12T10:15:30.123456Z}
	 */
	public static String format(Instant instant) {
		return WRITER.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Reads an RFC 3339 timestamp.
	 * @param text the timestamp, with any offset and 0-9 fractional digits
	 * @return the instant, truncated to microseconds
	 * @throws AcpException {@code invalid_request} when the text is not an RFC 3339
	 * timestamp
	 */
	public static Instant parse(String text) {
		try {
			return OffsetDateTime.parse(text, READER).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			throw AcpException.invalidRequest("not an RFC 3339 timestamp: " + text);
		}
	}

}
