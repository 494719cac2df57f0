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

package io.github.agentprotocols.happy.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored session with its messages, mutated only under the lock of {@link Sessions}.
 */
final class SessionEntry {

	final String id;

	final String accountId;

	final String tag;

	final long createdAt;

	final @Nullable String dataEncryptionKey;

	final List<MessageEntry> messages = new ArrayList<>();

	final Map<String, MessageEntry> messagesByLocalId = new HashMap<>();

	long seq;

	long updatedAt;

	boolean active = true;

	long activeAt;

	String metadata;

	long metadataVersion;

	@Nullable String agentState;

	long agentStateVersion;

	/** Until when heartbeats are ignored, after a stop, archive or delete. */
	long heartbeatsIgnoredUntil;

	SessionEntry(String id, String accountId, String tag, String metadata, @Nullable String dataEncryptionKey,
			long now) {
		this.id = id;
		this.accountId = accountId;
		this.tag = tag;
		this.metadata = metadata;
		this.dataEncryptionKey = dataEncryptionKey;
		this.createdAt = now;
		this.updatedAt = now;
		this.activeAt = now;
	}

	/**
	 * The session record (spec §4.1).
	 * @param withLastMessage whether to add {@code lastMessage} (always {@code null}), as
	 * {@code /v1/sessions} and {@code POST /v1/sessions} do
	 */
	Map<String, @Nullable Object> toJson(boolean withLastMessage) {
		Map<String, @Nullable Object> json = Json.object("id", this.id, "seq", this.seq, "createdAt", this.createdAt,
				"updatedAt", this.updatedAt, "active", this.active, "activeAt", this.activeAt, "metadata",
				this.metadata, "metadataVersion", this.metadataVersion, "agentState", this.agentState,
				"agentStateVersion", this.agentStateVersion, "dataEncryptionKey", this.dataEncryptionKey);
		if (withLastMessage) {
			json.put("lastMessage", null);
		}
		return json;
	}

	/**
	 * The body of the {@code new-session} update.
	 */
	Map<String, @Nullable Object> toNewSessionBody() {
		Map<String, @Nullable Object> body = Json.object("t", "new-session");
		Map<String, @Nullable Object> record = toJson(false);
		body.put("id", this.id);
		body.put("seq", this.seq);
		record.forEach((name, value) -> {
			if (!name.equals("id") && !name.equals("seq")) {
				body.put(name, value);
			}
		});
		return body;
	}

}
