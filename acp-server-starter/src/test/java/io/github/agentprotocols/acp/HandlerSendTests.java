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

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HandlerSend}: the event factories of spec §6.4.
 */
class HandlerSendTests {

	private static final Identity helper = Identity.assistant("helper", "Helper");

	private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-04-12T10:15:30.123456789Z"));

	private final Run run = new Run("run_1", "th_1", helper, Identity.user("alice", "Alice"), RunStatus.RUNNING,
			this.clock.instant(), null, null, null, Map.of(), 0, null);

	private final HandlerSend send = new HandlerSend(this.run, this.clock);

	@Test
	void everyFactoryStampsANewIdTheRunTheAuthorAndAProvisionalTime() {
		List<Event> events = List.of(this.send.message(List.of(new ContentPart.Text("done"))),
				this.send.reasoning("thinking"), this.send.toolCall("search", Map.of("q", "w"), "call_1"),
				this.send.toolResult("call_1", Map.of("t", 72)));
		assertThat(events).extracting(Event::type)
			.containsExactly(EventType.MESSAGE, EventType.REASONING, EventType.TOOL_CALL, EventType.TOOL_RESULT);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.id()).startsWith("evt_");
			assertThat(event.threadId()).isEqualTo("th_1");
			assertThat(event.runId()).isEqualTo("run_1");
			assertThat(event.author()).isEqualTo(helper);
			assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-04-12T10:15:30.123456Z"));
			assertThat(event.clientId()).isNull();
			assertThat(event.metadata()).isEmpty();
		});
		assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
	}

	@Test
	void payloadsCarryWhatWasGiven() {
		assertThat(this.send.reasoning("thinking").payload()).isEqualTo(new EventPayload.Reasoning("thinking"));
		assertThat(this.send.toolCall("search", Map.of("q", "w"), "call_1").payload())
			.isEqualTo(new EventPayload.ToolCall("call_1", "search", Map.of("q", "w")));
		assertThat(this.send.toolResult("call_1", null, Map.of("code", "x", "message", "y")).payload())
			.isEqualTo(new EventPayload.ToolResult("call_1", null, Map.of("code", "x", "message", "y")));
		assertThat(this.send.message(List.of(new ContentPart.Text("hi")), Map.of("k", "v")).metadata())
			.isEqualTo(Map.of("k", "v"));
	}

	@Test
	void aToolCallWithoutIdGetsANewCallId() {
		EventPayload.ToolCall first = (EventPayload.ToolCall) this.send.toolCall("search", null).payload();
		EventPayload.ToolCall second = (EventPayload.ToolCall) this.send.toolCall("search", null).payload();
		assertThat(first.id()).matches("^call_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
		assertThat(first.id()).isNotEqualTo(second.id());
	}

}
