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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of the agent's writes of one action request, applied to the stored session
 * one after the other under the ownership rules ({@link HandshakeSession#write} with
 * {@link FieldOwner#AI}).
 *
 * @param expired whether the session had expired (nothing was written, nothing else is
 * set)
 * @param outcomes the outcome of each write, in order
 * @param missing required keys still empty after the writes
 * @param fields the field values after the writes
 * @param session a copy of the session after the writes, if asked for
 */
public record AgentWrites(boolean expired, List<HandshakeSession.WriteOutcome> outcomes, List<String> missing,
		Map<String, FieldValue> fields, @Nullable HandshakeSession session) {

	/** The outcome for an expired session. */
	public static final AgentWrites EXPIRED = new AgentWrites(true, List.of(), List.of(), Map.of(), null);

	/**
	 * Applies writes to a session, as an in-memory store does within one update.
	 * @param session the stored session
	 * @param writes the writes, in order
	 * @param policy limits and options of the writes
	 * @param now the current time
	 * @param copySession whether to hand back a copy of the session after the writes
	 * @return the outcome
	 */
	public static AgentWrites apply(HandshakeSession session, List<Write> writes, HandshakeSession.WritePolicy policy,
			Instant now, boolean copySession) {
		if (session.isExpired(now)) {
			return EXPIRED;
		}
		List<HandshakeSession.WriteOutcome> outcomes = new ArrayList<>(writes.size());
		for (Write write : writes) {
			outcomes.add(session.write(write.key(), write.value(), FieldOwner.AI, policy, now));
		}
		return new AgentWrites(false, outcomes, session.missing(), new LinkedHashMap<>(session.getFields()),
				copySession ? session.copy() : null);
	}

	/**
	 * The batch of an action request whose events are not paced, as it is when every
	 * write is applied: an {@code action} event for each write when streamed, then
	 * {@code done} with the writes' count applied, no key rejected and the required keys
	 * still empty after the writes. A store that admits and writes in one step may
	 * publish it in that step when nothing of the session waits for delivery, and fill
	 * the batch's place with it.
	 *
	 * @param streamed whether the batch has an {@code action} event for each write
	 */
	public record UnpacedBatch(boolean streamed) {

	}

	/**
	 * One value the agent writes.
	 *
	 * @param key the field key
	 * @param value the value
	 */
	public record Write(String key, JsonNode value) {

	}

}
