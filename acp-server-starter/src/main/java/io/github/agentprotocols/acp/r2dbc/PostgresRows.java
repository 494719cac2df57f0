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

package io.github.agentprotocols.acp.r2dbc;

import java.time.Instant;
import java.util.Map;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Maps rows of the ACP tables to domain types, and domain values to statement parameters;
 * JSONB columns hold the wire JSON of {@link AcpJson}.
 */
final class PostgresRows {

	/** The columns of a thread row. */
	static final String THREAD_COLUMNS = "id, tenant, metadata, created_at, updated_at";

	/** The columns of a member row. */
	static final String MEMBER_COLUMNS = "thread_id, identity_id, identity, role, added_at, added_by";

	/** The columns of a run row. */
	static final String RUN_COLUMNS = "id, thread_id, assistant, triggered_by, status, started_at, completed_at, "
			+ "error, idempotency_key, metadata, chain_depth, parent_run_id";

	/** The columns of an event row. */
	static final String EVENT_COLUMNS = "id, thread_id, run_id, type, author, payload, metadata, client_id, created_at";

	private PostgresRows() {
	}

	static AcpThread thread(Readable row) {
		return new AcpThread(string(row, "id"), AcpJson.readTenantScope(json(row, "tenant")),
				AcpJson.readObject(json(row, "metadata")), instant(row, "created_at"), instant(row, "updated_at"));
	}

	static ThreadMember member(Readable row) {
		return new ThreadMember(string(row, "thread_id"), string(row, "identity_id"), identity(row, "identity"),
				string(row, "role"), instant(row, "added_at"), identity(row, "added_by"));
	}

	static Run run(Readable row) {
		String error = row.get("error", String.class);
		return new Run(string(row, "id"), string(row, "thread_id"), identity(row, "assistant"),
				identity(row, "triggered_by"), RunStatus.fromWireName(string(row, "status")),
				instant(row, "started_at"), row.get("completed_at", Instant.class),
				(error != null) ? AcpJson.readRunError(AcpJson.parse(error)) : null,
				row.get("idempotency_key", String.class), AcpJson.readObject(json(row, "metadata")),
				row.get("chain_depth", Integer.class), row.get("parent_run_id", String.class));
	}

	static Event event(Readable row) {
		EventType type = EventType.fromWireName(string(row, "type"));
		return new Event(string(row, "id"), string(row, "thread_id"), row.get("run_id", String.class),
				identity(row, "author"), instant(row, "created_at"), AcpJson.readObject(json(row, "metadata")),
				row.get("client_id", String.class), AcpJson.readEventPayload(type, json(row, "payload")));
	}

	static Json json(Object value) {
		return Json.of(AcpJson.write(value));
	}

	static Json tenant(TenantScope tenant) {
		return json(tenant);
	}

	static Json object(Map<String, Object> object) {
		return json(object);
	}

	static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable Object value,
			Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	private static Identity identity(Readable row, String column) {
		return AcpJson.readIdentity(json(row, column));
	}

	private static tools.jackson.databind.JsonNode json(Readable row, String column) {
		return AcpJson.parse(string(row, column));
	}

	private static String string(Readable row, String column) {
		String value = row.get(column, String.class);
		if (value == null) {
			throw new IllegalStateException("column " + column + " is null");
		}
		return value;
	}

	private static Instant instant(Readable row, String column) {
		Instant value = row.get(column, Instant.class);
		if (value == null) {
			throw new IllegalStateException("column " + column + " is null");
		}
		return value;
	}

}
