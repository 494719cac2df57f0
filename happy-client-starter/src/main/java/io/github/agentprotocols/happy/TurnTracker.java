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

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decides when an agent's turn is complete from the session's messages and state changes
 * after the user's prompt (spec §9.2): a {@code turn-end} of the latest
 * {@code turn-start} (or when either id is missing); a legacy {@code ready} once some
 * agent activity was seen; agent activity without any {@code turn-start} together with an
 * idle agent state written after the prompt, in either order; a {@code session-event}
 * {@code done}. Messages at or below the baseline seq, repeated seqs and user messages
 * are ignored. Not thread-safe: fed from one sequence of signals.
 * <p>
 * The server handles an agent's last message and its state update concurrently, so the
 * idle state may arrive first: it is remembered, and the activity that follows completes
 * the turn.
 */
final class TurnTracker {

	private final long baselineSeq;

	private final Set<Long> seen = new HashSet<>();

	private long highestSeq;

	private boolean sawActivity;

	private boolean sawTurnStart;

	private boolean sawNonReadyMessage;

	private @Nullable String activeTurnId;

	private @Nullable Long baselineStateVersion;

	private boolean idleAfterPrompt;

	/**
	 * Track the turn that answers a user message.
	 * @param baselineSeq the seq of the user message; only later messages count
	 * @param baselineStateVersion the agent state version when the message was sent: only
	 * later states count; {@code null} when the message was sent elsewhere, and then the
	 * first state fed is judged by what was seen before it (a state the activity caught
	 * up with counts, one seen before any activity does not)
	 */
	TurnTracker(long baselineSeq, @Nullable Long baselineStateVersion) {
		this.baselineSeq = baselineSeq;
		this.highestSeq = baselineSeq;
		this.baselineStateVersion = baselineStateVersion;
	}

	/**
	 * The highest seq fed so far (at least the baseline): where a catch-up resumes.
	 * @return the seq
	 */
	long highestSeq() {
		return this.highestSeq;
	}

	/**
	 * Feed a decrypted message.
	 * @param seq its seq
	 * @param content its decrypted content
	 * @return whether the turn is now complete
	 */
	boolean onMessage(long seq, Map<String, ?> content) {
		if (seq <= this.baselineSeq || !this.seen.add(seq)) {
			return false;
		}
		this.highestSeq = Math.max(this.highestSeq, seq);
		String role = string(content, "role");
		if ("session".equals(role)) {
			return onSessionProtocol(map(content, "content"));
		}
		if ("agent".equals(role)) {
			Map<String, ?> body = map(content, "content");
			if ("event".equals(string(body, "type")) && "ready".equals(string(map(body, "data"), "type"))) {
				return this.sawTurnStart || this.sawNonReadyMessage;
			}
			this.sawActivity = true;
			this.sawNonReadyMessage = true;
			return endedIdle();
		}
		return false;
	}

	private boolean onSessionProtocol(Map<String, ?> envelope) {
		if ("user".equals(string(envelope, "role"))) {
			return false;
		}
		this.sawActivity = true;
		String event = string(map(envelope, "ev"), "t");
		String turn = string(envelope, "turn");
		if ("turn-start".equals(event)) {
			this.sawTurnStart = true;
			this.activeTurnId = turn;
			return false;
		}
		if ("turn-end".equals(event)) {
			return this.activeTurnId == null || turn == null || Objects.equals(this.activeTurnId, turn);
		}
		this.sawNonReadyMessage = true;
		return endedIdle();
	}

	/**
	 * Feed a new decrypted agent state.
	 * @param version its version
	 * @param agentState the state, or {@code null}
	 * @return whether the turn is now complete: activity without a {@code turn-start} was
	 * seen and the latest state written after the prompt is idle
	 */
	boolean onAgentState(long version, @Nullable Map<String, ?> agentState) {
		if (this.baselineStateVersion == null) {
			this.baselineStateVersion = this.sawActivity ? version - 1 : version;
		}
		if (version > this.baselineStateVersion) {
			this.idleAfterPrompt = AgentStates.isIdle(agentState);
		}
		return endedIdle();
	}

	private boolean endedIdle() {
		return this.sawActivity && !this.sawTurnStart && this.idleAfterPrompt;
	}

	/**
	 * Feed a {@code session-event} ephemeral of the session.
	 * @param kind its kind
	 * @return whether it says the agent finished ({@code done})
	 */
	boolean onSessionEvent(String kind) {
		return "done".equals(kind);
	}

	private static @Nullable String string(Map<String, ?> map, String key) {
		return (map.get(key) instanceof String value) ? value : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> map(Map<String, ?> map, String key) {
		return (map.get(key) instanceof Map<?, ?> value) ? (Map<String, ?>) value : Map.of();
	}

}
