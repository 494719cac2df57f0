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
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnTrackerTests {

	private static Map<String, Object> user(String text) {
		return Map.of("role", "user", "content", Map.of("type", "text", "text", text));
	}

	private static Map<String, Object> session(String role, @Nullable String turn, String event) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", "c1");
		envelope.put("time", 1L);
		envelope.put("role", role);
		if (turn != null) {
			envelope.put("turn", turn);
		}
		envelope.put("ev", Map.of("t", event));
		return Map.of("role", "session", "content", envelope);
	}

	private static Map<String, Object> ready() {
		return Map.of("role", "agent", "content", Map.of("type", "event", "data", Map.of("type", "ready")));
	}

	private static Map<String, Object> processExited() {
		return Map.of("role", "agent", "content",
				Map.of("type", "event", "data", Map.of("type", "message", "message", "Process exited unexpectedly")));
	}

	private static Map<String, Object> output() {
		return Map.of("role", "agent", "content", Map.of("type", "output", "data", Map.of("type", "assistant")));
	}

	@SpecItem("HAPPY-9.2.1")
	@Test
	void turnEndOfTheStartedTurnCompletes() {
		TurnTracker tracker = new TurnTracker(1, 1L);
		assertThat(tracker.onMessage(2, session("agent", "t1", "turn-start"))).isFalse();
		assertThat(tracker.onMessage(3, session("agent", "t1", "text"))).isFalse();
		assertThat(tracker.onMessage(4, session("agent", "t1", "turn-end"))).isTrue();
	}

	@SpecItem("HAPPY-9.2.1")
	@Test
	void turnEndOfAnotherTurnDoesNotComplete() {
		TurnTracker tracker = new TurnTracker(1, 1L);
		tracker.onMessage(2, session("agent", "t2", "turn-start"));
		assertThat(tracker.onMessage(3, session("agent", "t1", "turn-end"))).isFalse();
		assertThat(tracker.onMessage(4, session("agent", "t2", "turn-end"))).isTrue();
	}

	@SpecItem("HAPPY-9.2.1")
	@Test
	void turnEndWithoutTurnIdCompletes() {
		TurnTracker tracker = new TurnTracker(1, 1L);
		tracker.onMessage(2, session("agent", "t1", "turn-start"));
		assertThat(tracker.onMessage(3, session("agent", null, "turn-end"))).isTrue();
	}

	@SpecItem("HAPPY-9.2.1")
	@Test
	void turnEndWithoutAnyTurnStartCompletes() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		assertThat(tracker.onMessage(1, session("agent", "t1", "turn-end"))).isTrue();
	}

	@SpecItem("HAPPY-9.2.2")
	@Test
	void readyAfterAgentOutputCompletes() {
		TurnTracker tracker = new TurnTracker(5, 1L);
		tracker.onMessage(6, output());
		assertThat(tracker.onMessage(7, ready())).isTrue();
	}

	@SpecItem("HAPPY-9.2.2")
	@Test
	void readyWithoutActivityIsAStartUpSignalAndDoesNotComplete() {
		TurnTracker tracker = new TurnTracker(5, 1L);
		assertThat(tracker.onMessage(6, ready())).isFalse();
		assertThat(tracker.onMessage(7, output())).isFalse();
		assertThat(tracker.onMessage(8, ready())).isTrue();
	}

	@SpecItem("HAPPY-9.2.2")
	@Test
	void readyAfterTurnStartCompletes() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		tracker.onMessage(1, session("agent", "t1", "turn-start"));
		assertThat(tracker.onMessage(2, ready())).isTrue();
	}

	@SpecItem("HAPPY-9.2.5")
	@Test
	void messagesAtOrBeforeTheBaselineAreIgnored() {
		TurnTracker tracker = new TurnTracker(10, 1L);
		assertThat(tracker.onMessage(9, session("agent", "old", "turn-end"))).isFalse();
		assertThat(tracker.onMessage(10, session("agent", "old", "turn-end"))).isFalse();
		assertThat(tracker.highestSeq()).isEqualTo(10);
	}

	@SpecItem("HAPPY-9.2.6")
	@Test
	void repeatedSeqIsFedOnce() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		tracker.onMessage(1, output());
		assertThat(tracker.onMessage(1, ready())).isFalse();
		assertThat(tracker.highestSeq()).isEqualTo(1);
	}

	@SpecItem("HAPPY-9.2.5")
	@Test
	void userMessagesIncludingTheOwnEchoAreNotActivity() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		tracker.onMessage(1, user("hello"));
		tracker.onMessage(2, session("user", null, "text"));
		assertThat(tracker.onMessage(3, ready())).isFalse();
		assertThat(tracker.onAgentState(2, Map.of("controlledByUser", false))).isFalse();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void idleStateAfterActivityWithoutTurnStartCompletes() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		tracker.onMessage(1, output());
		assertThat(tracker.onAgentState(2, Map.of("controlledByUser", true))).isFalse();
		assertThat(tracker.onAgentState(3, Map.of("controlledByUser", false))).isTrue();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void idleStateDoesNotCompleteATurnThatStarted() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		tracker.onMessage(1, session("agent", "t1", "turn-start"));
		assertThat(tracker.onAgentState(2, Map.of("controlledByUser", false))).isFalse();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void idleStateArrivingBeforeTheActivityItFollowsCompletes() {
		TurnTracker tracker = new TurnTracker(4, 1L);
		assertThat(tracker.onAgentState(2, Map.of("controlledByUser", false))).isFalse();
		assertThat(tracker.onMessage(5, processExited())).isTrue();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void idleStateFromBeforeThePromptDoesNotEndTheTurnAtItsFirstOutput() {
		TurnTracker tracker = new TurnTracker(4, 2L);
		assertThat(tracker.onAgentState(2, Map.of("controlledByUser", false))).isFalse();
		assertThat(tracker.onMessage(5, output())).isFalse();
		assertThat(tracker.onMessage(6, ready())).isTrue();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void laterBusyStateWithdrawsTheIdleEvidence() {
		TurnTracker tracker = new TurnTracker(4, 1L);
		tracker.onAgentState(2, Map.of("controlledByUser", false));
		tracker.onAgentState(3, Map.of("controlledByUser", false, "requests", Map.of("r1", Map.of("tool", "Bash"))));
		assertThat(tracker.onMessage(5, output())).isFalse();
		assertThat(tracker.onAgentState(4, Map.of("controlledByUser", false))).isTrue();
	}

	@SpecItem("HAPPY-9.2.3")
	@Test
	void promptSentElsewhereCountsTheStateTheCatchUpEndsWithOnlyAfterActivity() {
		TurnTracker caughtUp = new TurnTracker(4, null);
		caughtUp.onMessage(5, processExited());
		assertThat(caughtUp.onAgentState(7, Map.of("controlledByUser", false))).isTrue();
		TurnTracker notYet = new TurnTracker(4, null);
		assertThat(notYet.onAgentState(7, Map.of("controlledByUser", false))).isFalse();
		assertThat(notYet.onMessage(5, output())).isFalse();
		assertThat(notYet.onAgentState(8, Map.of("controlledByUser", false))).isTrue();
	}

	@SpecItem("HAPPY-9.2.4")
	@Test
	void sessionEventDoneCompletes() {
		TurnTracker tracker = new TurnTracker(0, 1L);
		assertThat(tracker.onSessionEvent("permission")).isFalse();
		assertThat(tracker.onSessionEvent("done")).isTrue();
	}

	@SpecItem("HAPPY-9.2.6")
	@Test
	void highestSeqFollowsTheFedMessages() {
		TurnTracker tracker = new TurnTracker(3, 1L);
		tracker.onMessage(7, output());
		tracker.onMessage(5, output());
		assertThat(tracker.highestSeq()).isEqualTo(7);
	}

}
