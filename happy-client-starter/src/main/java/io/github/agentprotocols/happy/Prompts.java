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

package io.github.agentprotocols.happy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.NewMessages;
import io.github.agentprotocols.happy.wire.StoredMessages;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends prompts to sessions (spec §8.9) and remembers the newest one sent to each, the
 * turn a wait for turn completion waits for.
 */
final class Prompts {

	private final SessionDirectory directory;

	private final HappyRestClient rest;

	private final String clientId;

	private final Map<String, SentPrompt> last = new ConcurrentHashMap<>();

	Prompts(SessionDirectory directory, HappyRestClient rest, String clientId) {
		this.directory = directory;
		this.rest = rest;
		this.clientId = clientId;
	}

	/**
	 * Send a prompt through {@code POST /v3/sessions/{id}/messages} with a fresh local
	 * id, the permission mode named as the session's agent accepts it.
	 * @param sessionId the session
	 * @param text the prompt
	 * @param permissionMode the permission mode
	 * @return the prompt as stored; a {@link SessionNotFoundException} when unknown
	 */
	Mono<SentPrompt> send(String sessionId, String text, PermissionMode permissionMode) {
		return this.directory.require(sessionId).flatMap((record) -> {
			RecordKey key = this.directory.key(record);
			String localId = UUID.randomUUID().toString();
			Object flavor = this.directory.metadata(key, record.metadata()).get("flavor");
			String content = key
				.seal(userMessage(text, permissionMode.wireValueFor((flavor instanceof String name) ? name : null)));
			return this.rest
				.postMessages(sessionId, new NewMessages(List.of(new NewMessages.NewMessage(content, localId))))
				.map((stored) -> new SentPrompt(storedSeq(stored, localId), record.agentStateVersion()));
		})
			.doOnNext((prompt) -> this.last.merge(sessionId, prompt,
					(held, sent) -> (sent.seq() > held.seq()) ? sent : held));
	}

	/**
	 * The newest prompt sent to a session.
	 * @param sessionId the session
	 * @return the prompt, or {@code null} when none was sent
	 */
	@Nullable SentPrompt last(String sessionId) {
		return this.last.get(sessionId);
	}

	/**
	 * Forget the prompts of a deleted session.
	 * @param sessionId the session
	 */
	void forget(String sessionId) {
		this.last.remove(sessionId);
	}

	private Map<String, Object> userMessage(String text, String permissionMode) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("type", "text");
		content.put("text", text);
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("sentFrom", this.clientId);
		meta.put("permissionMode", permissionMode);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "user");
		message.put("content", content);
		message.put("meta", meta);
		return message;
	}

	private static long storedSeq(StoredMessages stored, String localId) {
		for (StoredMessages.StoredMessage message : stored.messages()) {
			if (localId.equals(message.localId())) {
				return message.seq();
			}
		}
		throw new HappyException("The Happy server did not confirm the message " + localId);
	}

}
