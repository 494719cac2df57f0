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

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ThreadStore#listEvents} returns a page of (spec §4.6).
 *
 * @param limit the most events on the page, at least 1 (the REST layer bounds it)
 * @param cursor an exclusive bound: events strictly after it in ascending order, strictly
 * before it in descending order; or {@code null} to start at the oldest or newest event
 * @param descending whether the newest events come first
 * @param types the event types to include, empty for all
 */
public record EventQuery(int limit, @Nullable Cursor cursor, boolean descending, Set<EventType> types) {

	/**
	 * Create a new {@code EventQuery}, checking that the limit is at least 1.
	 * @param limit the most events on the page, at least 1 (the REST layer bounds it)
	 * @param cursor an exclusive bound: events strictly after it in ascending order,
	 * strictly before it in descending order; or {@code null} to start at the oldest or
	 * newest event
	 * @param descending whether the newest events come first
	 * @param types the event types to include, empty for all
	 */
	public EventQuery {
		AcpLimits.check(limit >= 1, "limit must be at least 1");
		Objects.requireNonNull(types, "types");
		types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
	}

	/**
	 * The first page in ascending order, all types.
	 * @param limit the most events on the page
	 * @return the query
	 */
	public static EventQuery ascending(int limit) {
		return new EventQuery(limit, null, false, Set.of());
	}

	/**
	 * This query continuing after the given cursor.
	 * @param cursor the cursor of the previous page
	 * @return the query
	 */
	public EventQuery after(@Nullable Cursor cursor) {
		return new EventQuery(this.limit, cursor, this.descending, this.types);
	}

	/**
	 * Whether an event of the given type is included.
	 * @param type the type
	 * @return whether no types are given or the type is one of them
	 */
	public boolean includes(EventType type) {
		return this.types.isEmpty() || this.types.contains(type);
	}

}
