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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in an ordered list of threads or events (spec §2.9): the
 * {@code (created_at, id)} pair of an item, compared as a row value. Cursors are
 * exclusive bounds and need not refer to an existing item.
 *
 * @param createdAt the item's creation time, in microseconds
 * @param id the item's id, any non-empty string (foreign formats are accepted)
 */
public record Cursor(Instant createdAt, String id) implements Comparable<Cursor> {

	private static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::createdAt).thenComparing(Cursor::id);

	/**
	 * Create a new {@code Cursor} at microsecond precision, checking that its id is not
	 * empty.
	 * @param createdAt the item's creation time, in microseconds
	 * @param id the item's id, any non-empty string (foreign formats are accepted)
	 */
	public Cursor {
		createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
		Objects.requireNonNull(id, "id");
		AcpLimits.check(!id.isEmpty(), "cursor id must not be empty");
	}

	/**
	 * Compares row values: by creation time, then by id in bytewise ({@code "C"}
	 * collation) order.
	 */
	@Override
	public int compareTo(Cursor other) {
		return ORDER.compare(this, other);
	}

}
