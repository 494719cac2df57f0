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
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One execution of an assistant's handler on a thread (spec §2.5).
 *
 * @param id the run id, {@code run_…}
 * @param threadId the thread
 * @param assistant the member snapshot of the assistant, role {@code assistant}
 * @param triggeredBy who invoked it: the REST or Socket.IO caller, or the invoking
 * assistant of a chained run
 * @param status the status
 * @param startedAt the creation time (database clock), in microseconds
 * @param completedAt when the status became terminal, {@code null} while active
 * @param error why it failed; non-null iff the status is {@code failed}
 * @param idempotencyKey the key of the invocation that created it, if any
 * @param metadata the invocation's {@code options}
 * @param chainDepth 0 for a run invoked by a client, the parent's depth plus one for a
 * chained run (not on the wire)
 * @param parentRunId the run that chained this one, if any (not on the wire)
 */
public record Run(String id, String threadId, Identity assistant, Identity triggeredBy, RunStatus status,
		Instant startedAt, @Nullable Instant completedAt, @Nullable RunError error, @Nullable String idempotencyKey,
		Map<String, Object> metadata, int chainDepth, @Nullable String parentRunId) {

	/**
	 * Create a new {@code Run}.
	 * @throws IllegalArgumentException when the assistant does not have the assistant
	 * role
	 * @param id the run id, {@code run_…}
	 * @param threadId the thread
	 * @param assistant the member snapshot of the assistant, role {@code assistant}
	 * @param triggeredBy who invoked it: the REST or Socket.IO caller, or the invoking
	 * assistant of a chained run
	 * @param status the status
	 * @param startedAt the creation time (database clock), in microseconds
	 * @param completedAt when the status became terminal, {@code null} while active
	 * @param error why it failed; non-null iff the status is {@code failed}
	 * @param idempotencyKey the key of the invocation that created it, if any
	 * @param metadata the invocation's {@code options}
	 * @param chainDepth 0 for a run invoked by a client, the parent's depth plus one for
	 * a chained run (not on the wire)
	 * @param parentRunId the run that chained this one, if any (not on the wire)
	 */
	public Run {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(threadId, "threadId");
		if (assistant.role() != IdentityRole.ASSISTANT) {
			throw new IllegalArgumentException("a run's assistant must have role assistant");
		}
		Objects.requireNonNull(triggeredBy, "triggeredBy");
		if (status.isTerminal() != (completedAt != null)) {
			throw new IllegalArgumentException("completedAt must be set exactly when the status is terminal");
		}
		if ((status == RunStatus.FAILED) != (error != null)) {
			throw new IllegalArgumentException("error must be set exactly when the status is failed");
		}
		if (chainDepth < 0) {
			throw new IllegalArgumentException("chainDepth must not be negative");
		}
		startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
		completedAt = (completedAt != null) ? completedAt.truncatedTo(ChronoUnit.MICROS) : null;
		metadata = JsonValues.object(metadata);
	}

	/**
	 * The assistant's id.
	 * @return {@code assistant().id()}
	 */
	public String assistantId() {
		return this.assistant.id();
	}

}
