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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Renders {@code expires_at} in the ISO-8601 subset Python 3.10's
 * {@code datetime.fromisoformat} reads: 0, 3 or 6 fractional digits and a {@code Z} or
 * {@code ±HH:MM} offset.
 */
final class Timestamps {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

	private final @Nullable ZoneOffset offset;

	/**
	 * Create a renderer.
	 * @param offset the offset to render as {@code ±HH:MM}, or {@code null} for UTC
	 * written as {@code Z}
	 */
	Timestamps(@Nullable ZoneOffset offset) {
		this.offset = offset;
	}

	String format(Instant instant) {
		Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
		OffsetDateTime time = micros.atOffset((this.offset != null) ? this.offset : ZoneOffset.UTC);
		int nanos = micros.getNano();
		DateTimeFormatter formatter = (nanos == 0) ? SECONDS : (nanos % 1_000_000 == 0) ? MILLIS : MICROS;
		return formatter.format(time) + ((this.offset != null) ? offsetText(this.offset) : "Z");
	}

	private static String offsetText(ZoneOffset offset) {
		int seconds = offset.getTotalSeconds();
		int minutes = Math.abs(seconds) / 60;
		return String.format("%s%02d:%02d", (seconds < 0) ? "-" : "+", minutes / 60, minutes % 60);
	}

}
