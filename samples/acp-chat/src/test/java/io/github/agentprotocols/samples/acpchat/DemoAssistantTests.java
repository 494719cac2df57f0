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

package io.github.agentprotocols.samples.acpchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AnalyticsTracker;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadMember;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo assistant on its own, as the executor calls it: what it yields for the
 * thread's last user message.
 */
class DemoAssistantTests {

	private static final Instant NOW = Instant.parse("2026-11-22T09:05:30Z");

	private static final Identity ADA = Identity.user("ada", "ada");

	private static final Identity ASSISTANT = Identity.assistant(DemoAssistant.ID, "Demo assistant");

	private final Run run = new Run(UUID.randomUUID().toString(), UUID.randomUUID().toString(), ASSISTANT, ADA,
			RunStatus.RUNNING, NOW, null, null, null, Map.of(), 0, null);

	private final DemoAssistant assistant = new DemoAssistant(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);

	@Test
	void reasonsCallsTheClockAndStreamsAnAnswerWithItsResult() {
		List<Event> events = handle(message(ADA, "What time is it?"), message(ASSISTANT, "an earlier answer"));

		assertThat(events).extracting(Event::type)
			.startsWith(EventType.REASONING, EventType.TOOL_CALL, EventType.TOOL_RESULT, EventType.MESSAGE,
					EventType.MESSAGE);
		assertThat(events).extracting(Event::runId).containsOnly(this.run.id());
		assertThat(((EventPayload.Reasoning) events.get(0).payload()).content())
			.startsWith("Thinking… the user wrote “What time is it?”");
		EventPayload.ToolCall call = (EventPayload.ToolCall) events.get(1).payload();
		assertThat(call.name()).isEqualTo("clock");
		assertThat(call.arguments()).isEqualTo(Map.of("zone", "UTC"));
		EventPayload.ToolResult result = (EventPayload.ToolResult) events.get(2).payload();
		assertThat(result.id()).isEqualTo(call.id());
		assertThat(result.result())
			.isEqualTo(Map.of("time", "09:05", "date", "Sunday 22 November 2026", "zone", "UTC"));
		assertThat(result.error()).isNull();
		assertThat(answer(events.subList(3, events.size()))).isEqualTo(
				"You wrote “What time is it?”. It is 09:05 UTC on Sunday 22 November 2026, says the clock tool; this answer arrives a few words at a time.");
	}

	@Test
	void answersTheLastUserMessageOnly() {
		List<Event> events = handle(message(ADA, "first"), message(Identity.user("bob", "bob"), "second"),
				message(ASSISTANT, "not a user"));

		assertThat(answer(events.subList(3, events.size()))).startsWith("You wrote “second”.");
	}

	@Test
	void chunksJoinIntoTheText() {
		String text = "one two three four five six seven";

		assertThat(DemoAssistant.chunks(text)).containsExactly("one two three ", "four five six ", "seven");
		assertThat(String.join("", DemoAssistant.chunks(text))).isEqualTo(text);
	}

	private List<Event> handle(Event... history) {
		return Flux
			.from(this.assistant.handle(new History(this.run, List.of(history)),
					new HandlerSend(this.run, Clock.fixed(NOW, ZoneOffset.UTC))))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private Event message(Identity author, String text) {
		return new EventDraft(null, List.of(new ContentPart.Text(text)), Map.of()).toEvent(UUID.randomUUID().toString(),
				this.run.threadId(), author, NOW);
	}

	private static String answer(List<Event> messages) {
		return messages.stream()
			.map((event) -> ((ContentPart.Text) ((EventPayload.Message) event.payload()).content().get(0)).text())
			.collect(Collectors.joining());
	}

	/**
	 * A context that knows the run and the thread's recent events only.
	 */
	private record History(Run run, List<Event> recent) implements HandlerContext {

		@Override
		public Mono<List<Event>> events(int limit) {
			return Mono.just(this.recent.subList(Math.max(0, this.recent.size() - limit), this.recent.size()));
		}

		@Override
		public Mono<List<Event>> events() {
			return Mono.just(this.recent);
		}

		@Override
		public AcpThread thread() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Identity assistant() {
			return this.run.assistant();
		}

		@Override
		public Mono<List<ThreadMember>> members() {
			throw new UnsupportedOperationException();
		}

		@Override
		public AnalyticsTracker analytics() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Mono<Run> invoke(String assistantId) {
			throw new UnsupportedOperationException();
		}

	}

}
