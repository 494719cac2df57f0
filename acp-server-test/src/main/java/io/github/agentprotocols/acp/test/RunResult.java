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
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * How a run that {@link AssistantTester} started ended.
 *
 * @param run the run in its terminal status
 * @param events the run's events as stored, from {@code run.started} to its terminal
 * event
 */
public record RunResult(Run run, List<Event> events) {

	/**
	 * Create a new {@code RunResult}, keeping a copy of the events.
	 * @param run the run in its terminal status
	 * @param events the run's events as stored, from {@code run.started} to its terminal
	 * event
	 */
	public RunResult {
		events = List.copyOf(events);
	}

	/**
	 * The run's terminal status.
	 * @return {@code completed}, {@code failed} or {@code cancelled}
	 */
	public RunStatus status() {
		return this.run.status();
	}

	/**
	 * Why the run failed.
	 * @return the error, {@code null} unless the run failed
	 */
	public @Nullable RunError error() {
		return this.run.error();
	}

	/**
	 * The wire names of the run's event types, in log order.
	 * @return for example {@code [run.started, message, run.completed]}
	 */
	public List<String> types() {
		return this.events.stream().map((event) -> event.type().wireName()).toList();
	}

	/**
	 * The text the run's messages carry: the text parts of each message, joined.
	 * @return one string per message event, in log order
	 */
	public List<String> messageTexts() {
		return this.events.stream()
			.filter((event) -> event.type() == EventType.MESSAGE)
			.map((event) -> ((EventPayload.Message) event.payload()).content()
				.stream()
				.filter(ContentPart.Text.class::isInstance)
				.map((part) -> ((ContentPart.Text) part).text())
				.collect(Collectors.joining()))
			.toList();
	}

}
