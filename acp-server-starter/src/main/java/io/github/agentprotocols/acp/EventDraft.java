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
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client sends to post a message (spec §2.8). Authors, ids, timestamps and the run
 * id come from the server.
 *
 * @param clientId the client's id for the message, 1-128 characters, echoed on the event
 * and used to deduplicate retries; or {@code null}
 * @param content 1-64 content parts
 * @param metadata opaque metadata, at most 64 KiB as JSON ({@code null} becomes empty)
 */
public record EventDraft(@Nullable String clientId, List<ContentPart> content, Map<String, Object> metadata) {

	/**
	 * Create a new {@code EventDraft}, checking its content and metadata against the
	 * protocol's limits.
	 * @param clientId the client's id for the message, 1-128 characters, echoed on the
	 * event and used to deduplicate retries; or {@code null}
	 * @param content 1-64 content parts
	 * @param metadata opaque metadata, at most 64 KiB as JSON ({@code null} becomes
	 * empty)
	 */
	public EventDraft {
		AcpLimits.optionalLength(clientId, AcpLimits.MAX_CLIENT_ID_LENGTH, "client_id");
		content = new EventPayload.Message(content).content();
		metadata = JsonValues.metadata(metadata, "metadata");
	}

	/**
	 * The message event this draft becomes when the given identity sends it outside a
	 * run. Its creation time is provisional: the store assigns the stored one.
	 * @param eventId the new event's id
	 * @param threadId the thread
	 * @param author the sender
	 * @param now the provisional creation time
	 * @return the event
	 */
	public Event toEvent(String eventId, String threadId, Identity author, Instant now) {
		return new Event(eventId, threadId, null, author, now, this.metadata, this.clientId,
				new EventPayload.Message(this.content));
	}

}
