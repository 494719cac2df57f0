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

package io.github.agentprotocols.appcontrol.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import org.jspecify.annotations.Nullable;

/**
 * Submitted commands by request id: running ones, and finished ones until their results
 * expire. Bounded: when full, the oldest finished result is dropped; when every slot is
 * running, new submissions are refused.
 */
final class SubmittedCommands {

	private final Map<String, Submission> submissions = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final int capacity;

	private final Clock clock;

	SubmittedCommands(Duration ttl, int capacity, Clock clock) {
		this.ttl = ttl;
		this.capacity = capacity;
		this.clock = clock;
	}

	/**
	 * Reserves a request id for a command.
	 * @return false if the id is already in use
	 * @throws ServiceRejection if the store is full of running commands
	 */
	synchronized boolean reserve(String requestId, ToolCommand command) {
		evictExpired();
		if (this.submissions.containsKey(requestId)) {
			return false;
		}
		if (this.submissions.size() >= this.capacity) {
			this.submissions.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().finishedAt != null)
				.min(Comparator.comparing((entry) -> entry.getValue().finishedAt))
				.ifPresentOrElse((oldest) -> this.submissions.remove(oldest.getKey()), () -> {
					throw ServiceRejection.failed(429, "busy", "too many submitted commands are running");
				});
		}
		this.submissions.put(requestId, new Submission(command.tool(), command.operation(), this.clock.instant()));
		return true;
	}

	void complete(String requestId, ToolObservation observation) {
		Submission submission = this.submissions.get(requestId);
		if (submission != null) {
			submission.observation = observation;
			submission.finishedAt = this.clock.instant();
		}
	}

	/**
	 * The state of a submission.
	 * @return null if unknown or expired; otherwise the submission, whose observation is
	 * null while it runs
	 */
	@Nullable Submission find(String requestId) {
		evictExpired();
		return this.submissions.get(requestId);
	}

	/**
	 * The submissions kept: running, or finished and not yet expired.
	 * @return each, in no particular order
	 */
	List<SubmittedCommand> list() {
		evictExpired();
		return this.submissions.entrySet().stream().map((entry) -> entry.getValue().describe(entry.getKey())).toList();
	}

	int running() {
		return (int) this.submissions.values().stream().filter((submission) -> submission.finishedAt == null).count();
	}

	int size() {
		return this.submissions.size();
	}

	private void evictExpired() {
		Instant horizon = this.clock.instant().minus(this.ttl);
		this.submissions.values()
			.removeIf((submission) -> submission.finishedAt != null && submission.finishedAt.isBefore(horizon));
	}

	static final class Submission {

		private final String tool;

		private final String operation;

		private final Instant submittedAt;

		volatile @Nullable ToolObservation observation;

		volatile @Nullable Instant finishedAt;

		Submission(String tool, String operation, Instant submittedAt) {
			this.tool = tool;
			this.operation = operation;
			this.submittedAt = submittedAt;
		}

		SubmittedCommand describe(String requestId) {
			ToolObservation finished = this.observation;
			return new SubmittedCommand(requestId, this.tool, this.operation, this.submittedAt, this.finishedAt,
					(finished != null) ? finished.status().wireValue() : null);
		}

	}

}
