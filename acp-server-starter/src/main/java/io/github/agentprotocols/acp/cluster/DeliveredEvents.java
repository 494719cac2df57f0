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

package io.github.agentprotocols.acp.cluster;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import org.jspecify.annotations.Nullable;

/**
 * The events an instance's rooms were given, local or remote, per thread: the recent ids
 * (to deliver each event once) and the newest cursor (a catch-up starts shortly before
 * it). Bounded: the most recently used threads, the most recent ids of each.
 */
final class DeliveredEvents {

	private static final int MAX_THREADS = 10_000;

	private static final int MAX_IDS_PER_THREAD = 1_024;

	private final Map<String, ThreadLog> threads = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ThreadLog> eldest) {
			return size() > MAX_THREADS;
		}

	};

	/**
	 * Records an event as delivered.
	 * @param event the event
	 * @return whether it was not recorded before
	 */
	synchronized boolean record(Event event) {
		return this.threads.computeIfAbsent(event.threadId(), (id) -> new ThreadLog()).add(event);
	}

	/**
	 * Remembers, for each thread, the newest event delivered so far as the point a
	 * catch-up starts shortly before, unless an earlier loss did already.
	 */
	synchronized void markLoss() {
		this.threads.values().forEach(ThreadLog::markLoss);
	}

	/**
	 * The newest event of a thread delivered before the loss, which its catch-up starts
	 * shortly before.
	 * @param threadId the thread
	 * @return its cursor, or {@code null} for a thread with no event delivered before the
	 * loss
	 */
	synchronized @Nullable Cursor lastBeforeLoss(String threadId) {
		ThreadLog log = this.threads.get(threadId);
		return (log != null) ? log.mark : null;
	}

	/**
	 * Forgets the marks of the last loss, once its catch-up is done.
	 */
	synchronized void caughtUp() {
		this.threads.values().forEach((log) -> log.mark = null);
	}

	private static final class ThreadLog {

		private final Set<String> ids = new LinkedHashSet<>();

		private @Nullable Cursor newest;

		private @Nullable Cursor mark;

		boolean add(Event event) {
			if (!this.ids.add(event.id())) {
				return false;
			}
			if (this.ids.size() > MAX_IDS_PER_THREAD) {
				Iterator<String> eldest = this.ids.iterator();
				eldest.next();
				eldest.remove();
			}
			Cursor cursor = event.cursor();
			if (this.newest == null || cursor.compareTo(this.newest) > 0) {
				this.newest = cursor;
			}
			return true;
		}

		void markLoss() {
			if (this.mark == null) {
				this.mark = this.newest;
			}
		}

	}

}
