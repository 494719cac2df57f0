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

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;

import org.jspecify.annotations.Nullable;

/**
 * The login requests of the fake and their state machine: {@code PENDING} →
 * {@code APPROVED} → {@code DELIVERED}, or {@code PENDING} → {@code EXPIRED}, each
 * forgotten a while after its {@code expires_at}, whatever its status.
 */
final class LoginRequests {

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Queue<Entry> byExpiry = new PriorityBlockingQueue<>(16,
			Comparator.comparing((Entry entry) -> entry.expiresAt));

	/** The requests taken by {@link #takeDue}, in the order of their expiry. */
	private final Deque<Entry> due = new ArrayDeque<>();

	Entry create(Instant expiresAt, int difficulty) {
		byte[] challenge = new byte[16];
		random.nextBytes(challenge);
		Entry entry = new Entry("lr_" + UUID.randomUUID().toString().replace("-", ""),
				HexFormat.of().formatHex(challenge), difficulty, expiresAt);
		this.entries.put(entry.id, entry);
		this.byExpiry.add(entry);
		return entry;
	}

	@Nullable Entry find(String id) {
		return this.entries.get(id);
	}

	/**
	 * Take the requests whose {@code expires_at} has been reached, whatever their status.
	 * They are still found until {@link #forgetExpiredBefore forgotten}.
	 */
	List<Entry> takeDue(Instant now) {
		List<Entry> taken = new ArrayList<>();
		for (Entry head = this.byExpiry.peek(); head != null
				&& !now.isBefore(head.expiresAt); head = this.byExpiry.peek()) {
			if (this.byExpiry.remove(head)) {
				taken.add(head);
			}
		}
		synchronized (this.due) {
			this.due.addAll(taken);
		}
		return taken;
	}

	/**
	 * Forget the requests taken by {@link #takeDue} whose {@code expires_at} is before
	 * the cut-off: they are not found any more.
	 * @param cutoff the cut-off
	 */
	void forgetExpiredBefore(Instant cutoff) {
		synchronized (this.due) {
			for (Entry head = this.due.peekFirst(); head != null
					&& head.expiresAt.isBefore(cutoff); head = this.due.peekFirst()) {
				this.due.removeFirst();
				this.entries.remove(head.id, head);
			}
		}
	}

	/**
	 * One login request. State changes happen while holding its monitor.
	 */
	static final class Entry {

		final String id;

		final String challenge;

		final int difficulty;

		final Instant expiresAt;

		private LoginRequestStatus status = LoginRequestStatus.PENDING;

		Entry(String id, String challenge, int difficulty, Instant expiresAt) {
			this.id = id;
			this.challenge = challenge;
			this.difficulty = difficulty;
			this.expiresAt = expiresAt;
		}

		synchronized LoginRequestStatus status() {
			return this.status;
		}

		synchronized void status(LoginRequestStatus status) {
			this.status = status;
		}

		/**
		 * Move a pending request past its expiry to {@code EXPIRED}.
		 * @return {@code true} if this call expired it
		 */
		synchronized boolean expireIfDue(Instant now) {
			if (this.status == LoginRequestStatus.PENDING && !now.isBefore(this.expiresAt)) {
				this.status = LoginRequestStatus.EXPIRED;
				return true;
			}
			return false;
		}

	}

}
