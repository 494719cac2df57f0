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
 * An entry of a thread's event log (spec §2.6): the common fields and a type-specific
 * {@link EventPayload}, flattened into one JSON object on the wire. The log is ordered by
 * {@code (createdAt, id)}; {@code createdAt} is assigned by the store at append time and
 * strictly increases per thread.
 *
 * @param id the event id, {@code evt_…}
 * @param threadId the thread
 * @param runId the run that emitted it: required for reasoning, tool and {@code run.*}
 * events, never set for {@code thread.*} events
 * @param author a snapshot of the author
 * @param createdAt when it was appended, in microseconds (provisional until stored)
 * @param metadata opaque metadata, at most 64 KiB as JSON
 * @param clientId the draft's client id (1-128 characters), echoed and used for
 * deduplication, or {@code null}
 * @param payload the type-specific fields
 */
public record Event(String id, String threadId, @Nullable String runId, Identity author, Instant createdAt,
		Map<String, Object> metadata, @Nullable String clientId, EventPayload payload) {

	/**
	 * Create a new {@code Event}, checking its fields against the protocol's limits.
	 * @param id the event id, {@code evt_…}
	 * @param threadId the thread
	 * @param runId the run that emitted it: required for reasoning, tool and
	 * {@code run.*} events, never set for {@code thread.*} events
	 * @param author a snapshot of the author
	 * @param createdAt when it was appended, in microseconds (provisional until stored)
	 * @param metadata opaque metadata, at most 64 KiB as JSON
	 * @param clientId the draft's client id (1-128 characters), echoed and used for
	 * deduplication, or {@code null}
	 * @param payload the type-specific fields
	 */
	public Event {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(threadId, "threadId");
		Objects.requireNonNull(author, "author");
		createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
		metadata = JsonValues.metadata(metadata, "metadata");
		AcpLimits.optionalLength(clientId, AcpLimits.MAX_CLIENT_ID_LENGTH, "client_id");
		EventType type = payload.type();
		if (type.requiresRun() && runId == null) {
			throw new IllegalArgumentException(type.wireName() + " events belong to a run");
		}
		if (type.isThreadType() && runId != null) {
			throw new IllegalArgumentException(type.wireName() + " events never belong to a run");
		}
	}

	/**
	 * The event's type, the {@code type} discriminator on the wire.
	 * @return the payload's type
	 */
	public EventType type() {
		return this.payload.type();
	}

	/**
	 * A copy of this event with another creation time, as assigned by a store.
	 * @param createdAt the time
	 * @return the copy
	 */
	public Event withCreatedAt(Instant createdAt) {
		return new Event(this.id, this.threadId, this.runId, this.author, createdAt, this.metadata, this.clientId,
				this.payload);
	}

	/**
	 * The event's position in its thread's log, usable as a cursor.
	 * @return {@code (createdAt, id)}
	 */
	public Cursor cursor() {
		return new Cursor(this.createdAt, this.id);
	}

}
