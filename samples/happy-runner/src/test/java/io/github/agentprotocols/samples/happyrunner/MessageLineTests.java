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

package io.github.agentprotocols.samples.happyrunner;

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLineTests {

	@Test
	void userPromptShowsItsText() {
		assertThat(line(Map.of("role", "user", "content", Map.of("type", "text", "text", "Fix\nthe build"))))
			.isEqualTo("user: Fix the build");
	}

	@Test
	void sessionProtocolEventsOfTheAgentAreNamed() {
		assertThat(line(session(Map.of("t", "turn-start")))).isEqualTo("turn started");
		assertThat(line(session(Map.of("t", "text", "text", "Done.")))).isEqualTo("agent: Done.");
		assertThat(line(session(Map.of("t", "text", "text", "Hmm", "thinking", true))))
			.isEqualTo("agent thinking: Hmm");
		assertThat(line(session(Map.of("t", "tool-call-start", "call", "c1", "name", "Bash", "title", "List files"))))
			.isEqualTo("tool call: Bash (List files)");
		assertThat(line(session(Map.of("t", "tool-call-end", "call", "c1")))).isEqualTo("tool call done: c1");
		assertThat(line(session(Map.of("t", "turn-end", "status", "cancelled")))).isEqualTo("turn ended: cancelled");
		assertThat(line(session(Map.of("t", "something-new")))).isEqualTo("event: something-new");
	}

	@Test
	void legacyClaudeOutputShowsItsTextAndToolUse() {
		Map<String, Object> assistant = Map.of("type", "assistant", "message", Map.of("role", "assistant", "content",
				List.of(Map.of("type", "text", "text", "Looking"), Map.of("type", "tool_use", "name", "Read"))));
		assertThat(line(Map.of("role", "agent", "content", Map.of("type", "output", "data", assistant))))
			.isEqualTo("agent: Looking; tool call: Read");
		assertThat(line(Map.of("role", "agent", "content", Map.of("type", "output", "data", Map.of("type", "result")))))
			.isEqualTo("claude: result");
	}

	@Test
	void legacyEventsShowReadyAndMessages() {
		assertThat(line(Map.of("role", "agent", "content", Map.of("type", "event", "data", Map.of("type", "ready")))))
			.isEqualTo("agent ready");
		assertThat(line(Map.of("role", "agent", "content",
				Map.of("type", "event", "data", Map.of("type", "message", "message", "Process exited unexpectedly")))))
			.isEqualTo("event: Process exited unexpectedly");
	}

	@Test
	void unknownShapesAreNamedByRoleAndSeq() {
		assertThat(line(Map.of("role", "robot"))).isEqualTo("robot message 7");
	}

	private static Map<String, Object> session(Map<String, Object> ev) {
		return Map.of("role", "session", "content",
				Map.of("id", "e1", "time", 1L, "role", "agent", "turn", "t1", "ev", ev));
	}

	private static String line(Map<String, Object> content) {
		return MessageLine.of(new Message("m1", 7, content, 1L));
	}

}
