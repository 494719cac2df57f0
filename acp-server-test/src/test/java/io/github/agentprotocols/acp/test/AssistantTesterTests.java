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

package io.github.agentprotocols.acp.test;

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AssistantTester} against the starter's real executor and in-memory store.
 */
class AssistantTesterTests {

	@Test
	void handlerRunsToCompletionAndTheResultHoldsItsStoredEvents() {
		try (AssistantTester tester = AssistantTester.of("helper", (ctx, send) -> Flux.just(send.reasoning("thinking"),
				send.message(List.of(new ContentPart.Text("It's "), new ContentPart.Text("72°F.")))))) {
			RunResult result = tester.invoke("helper", null);
			assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.error()).isNull();
			assertThat(result.types()).containsExactly("run.started", "reasoning", "message", "run.completed");
			assertThat(result.messageTexts()).containsExactly("It's 72°F.");
			assertThat(result.events()).allSatisfy((event) -> assertThat(event.runId()).isEqualTo(result.run().id()));
			assertThat(tester.threadEvents()).containsSubsequence(result.events());
		}
	}

	@Test
	void sentMessageIsInTheHandlersHistoryBeforeItRuns() {
		try (AssistantTester tester = AssistantTester.of("echo",
				(ctx, send) -> ctx.events().flatMapMany((events) -> Flux.just(send.message(echo(events)))))) {
			RunResult result = tester.send("echo", "hello");
			assertThat(result.messageTexts()).containsExactly("echo: hello");
			assertThat(tester.threadEvents()).first()
				.satisfies((event) -> assertThat(event.type()).isEqualTo(EventType.THREAD_CREATED));
		}
	}

	@Test
	void handlerThatThrowsEndsFailedWithHandlerError() {
		try (AssistantTester tester = AssistantTester.of("boom", (ctx, send) -> {
			throw new IllegalStateException("no model");
		})) {
			RunResult result = tester.invoke("boom", null);
			assertThat(result.status()).isEqualTo(RunStatus.FAILED);
			assertThat(result.error()).isEqualTo(new RunError("handler_error", "no model"));
			assertThat(result.types()).containsExactly("run.started", "run.failed");
		}
	}

	@Test
	void invocationOptionsBecomeTheRunsMetadata() {
		try (AssistantTester tester = AssistantTester.of("opt", (ctx, send) -> Flux
			.just(send.message(List.of(new ContentPart.Text(String.valueOf(ctx.run().metadata().get("tone")))))))) {
			RunResult result = tester.invoke("opt", Map.of("tone", "dry"));
			assertThat(result.messageTexts()).containsExactly("dry");
			assertThat(result.run().metadata()).containsEntry("tone", "dry");
		}
	}

	@Test
	void annotatedMethodsRunAsTheAssistantsTheyName() {
		try (AssistantTester tester = AssistantTester.of(new Assistants())) {
			// thread.created, two member_added, the message, then the run's run.started
			assertThat(tester.send("summarizer", "one").messageTexts()).containsExactly("5 events");
			assertThat(tester.invoke("greeter", null).messageTexts()).containsExactly("hi");
		}
	}

	@Test
	void objectWithoutAssistantsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantTester.of(new Object()))
			.withMessageContaining("declares no @AcpAssistant");
	}

	private static List<ContentPart> echo(List<Event> events) {
		String text = events.stream()
			.filter((event) -> event.type() == EventType.MESSAGE)
			.map((event) -> ((ContentPart.Text) ((EventPayload.Message) event.payload()).content().get(0)).text())
			.reduce((first, second) -> second)
			.orElse("nothing");
		return List.of(new ContentPart.Text("echo: " + text));
	}

	static class Assistants {

		@AcpAssistant("summarizer")
		Flux<Event> summarize(HandlerContext ctx, HandlerSend send) {
			return ctx.events()
				.flatMapMany(
						(events) -> Flux.just(send.message(List.of(new ContentPart.Text(events.size() + " events")))));
		}

		@AcpAssistant("greeter")
		Flux<Event> greet(HandlerSend send) {
			return Flux.just(send.message(List.of(new ContentPart.Text("hi"))));
		}

	}

}
