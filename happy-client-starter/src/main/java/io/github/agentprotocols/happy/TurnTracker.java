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
 * agent activity was seen; an idle agent state after activity without any
 * {@code turn-start}; a {@code session-event} {@code done}. Messages at or below the
 * baseline seq, repeated seqs and user messages are ignored. Not thread-safe: fed from
 * one sequence of signals.
 */
final class TurnTracker {

	private final long baselineSeq;

	private final Set<Long> seen = new HashSet<>();

	private long highestSeq;

	private boolean sawActivity;

	private boolean sawTurnStart;

	private boolean sawNonReadyMessage;

	private @Nullable String activeTurnId;

	/**
	 * Track the turn that answers a user message.
	 * @param baselineSeq the seq of the user message; only later messages count
	 */
	TurnTracker(long baselineSeq) {
		this.baselineSeq = baselineSeq;
		this.highestSeq = baselineSeq;
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
		return false;
	}

	/**
	 * Feed a new decrypted agent state.
	 * @param agentState the state, or {@code null}
	 * @return whether the turn is now complete: the agent went idle after activity that
	 * had no {@code turn-start}
	 */
	boolean onAgentState(@Nullable Map<String, ?> agentState) {
		return this.sawActivity && !this.sawTurnStart && AgentStates.isIdle(agentState);
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
