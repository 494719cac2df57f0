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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A session's change log (spec §6.7): its newest {@value #RETAINED} changes, each stamped
 * with an instant later than every earlier stamp, so that {@code since} never skips or
 * repeats a change.
 * <p>
 * The entries form a persistent list, newest first, that is never changed once built: a
 * copy shares all of them with its original and costs the same however long the log is,
 * and each side's later changes stay its own. Entries older than the retained ones are
 * dropped in one pass every {@value #RETAINED} additions. Not thread-safe; guarded by the
 * session's store.
 */
final class ChangeLog {

	/** How many changes are retained. */
	static final int RETAINED = 200;

	private @Nullable Entry newest;

	private int length;

	private Instant lastStamp;

	/**
	 * Restores a log.
	 * @param changes the changes, oldest first; only the newest {@value #RETAINED} are
	 * kept
	 * @param lastStamp the last instant handed out
	 */
	ChangeLog(Collection<Change> changes, Instant lastStamp) {
		for (Change change : changes) {
			this.newest = new Entry(change, this.newest);
		}
		this.length = changes.size();
		this.lastStamp = lastStamp;
		trim();
	}

	private ChangeLog(@Nullable Entry newest, int length, Instant lastStamp) {
		this.newest = newest;
		this.length = length;
		this.lastStamp = lastStamp;
	}

	/**
	 * Records a change, stamped after every earlier change.
	 * @param key the field key
	 * @param from the previous value
	 * @param to the new value
	 * @param by the resulting owner of the field
	 * @param now the current time
	 * @return the change
	 */
	Change record(String key, JsonNode from, JsonNode to, FieldOwner by, Instant now) {
		Change change = new Change(key, from, to, by, stamp(now));
		this.newest = new Entry(change, this.newest);
		this.length++;
		if (this.length >= 2 * RETAINED) {
			trim();
		}
		return change;
	}

	Instant lastStamp() {
		return this.lastStamp;
	}

	/**
	 * The newest changes.
	 * @param limit how many at most
	 * @return the changes, oldest first
	 */
	List<Change> recent(int limit) {
		Change[] recent = new Change[Math.min(limit, retained())];
		Entry entry = this.newest;
		for (int i = recent.length - 1; i >= 0; i--) {
			recent[i] = entry.change();
			entry = entry.older();
		}
		return Arrays.asList(recent);
	}

	/**
	 * The retained changes made strictly after an instant.
	 * @param since the instant
	 * @return the changes, oldest first
	 */
	List<Change> after(Instant since) {
		return recent(RETAINED).stream().filter((change) -> change.at().isAfter(since)).toList();
	}

	/**
	 * A copy that shares every entry with this log.
	 * @return the copy
	 */
	ChangeLog copy() {
		return new ChangeLog(this.newest, this.length, this.lastStamp);
	}

	private Instant stamp(Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		if (!at.isAfter(this.lastStamp)) {
			at = this.lastStamp.plus(1, ChronoUnit.MICROS);
		}
		this.lastStamp = at;
		return at;
	}

	private int retained() {
		return Math.min(this.length, RETAINED);
	}

	private void trim() {
		if (this.length <= RETAINED) {
			return;
		}
		List<Change> kept = recent(RETAINED);
		this.newest = null;
		for (Change change : kept) {
			this.newest = new Entry(change, this.newest);
		}
		this.length = kept.size();
	}

	private record Entry(Change change, @Nullable Entry older) {

	}

}
