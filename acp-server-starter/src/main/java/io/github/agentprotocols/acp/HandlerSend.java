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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The event factories of a run (spec §6.4, {@code send}): pure functions that build the
 * events a handler yields. Each event gets a new id, the run's thread and id, the run's
 * assistant as author, and a provisional creation time that the store replaces when it
 * appends the event.
 */
public final class HandlerSend {

	private final Run run;

	private final Clock clock;

	/**
	 * Creates the factories of a run.
	 * @param run the run whose events are built
	 * @param clock the clock of the provisional creation times
	 */
	public HandlerSend(Run run, Clock clock) {
		this.run = Objects.requireNonNull(run, "run");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * A {@code message}.
	 * @param content 1-64 content parts
	 * @return the event
	 */
	public Event message(List<ContentPart> content) {
		return message(content, Map.of());
	}

	/**
	 * A {@code message} with metadata.
	 * @param content 1-64 content parts
	 * @param metadata the event's metadata
	 * @return the event
	 */
	public Event message(List<ContentPart> content, Map<String, Object> metadata) {
		return event(new EventPayload.Message(content), metadata);
	}

	/**
	 * A {@code reasoning} trace.
	 * @param text the trace, the event's {@code content}
	 * @return the event
	 */
	public Event reasoning(String text) {
		return reasoning(text, Map.of());
	}

	/**
	 * A {@code reasoning} trace with metadata.
	 * @param text the trace, the event's {@code content}
	 * @param metadata the event's metadata
	 * @return the event
	 */
	public Event reasoning(String text, Map<String, Object> metadata) {
		return event(new EventPayload.Reasoning(text), metadata);
	}

	/**
	 * A {@code tool.call} with a new tool-call id, {@code call_<uuidv7>}.
	 * @param name the tool's name
	 * @param arguments any JSON value
	 * @return the event
	 */
	public Event toolCall(String name, @Nullable Object arguments) {
		return toolCall(name, arguments, AcpIds.toolCall());
	}

	/**
	 * A {@code tool.call}.
	 * @param name the tool's name
	 * @param arguments any JSON value
	 * @param id the tool-call id its results refer to (free-form)
	 * @return the event
	 */
	public Event toolCall(String name, @Nullable Object arguments, String id) {
		return toolCall(name, arguments, id, Map.of());
	}

	/**
	 * A {@code tool.call} with metadata.
	 * @param name the tool's name
	 * @param arguments any JSON value
	 * @param id the tool-call id its results refer to (free-form)
	 * @param metadata the event's metadata
	 * @return the event
	 */
	public Event toolCall(String name, @Nullable Object arguments, String id, Map<String, Object> metadata) {
		return event(new EventPayload.ToolCall(id, name, arguments), metadata);
	}

	/**
	 * A successful {@code tool.result}.
	 * @param toolId the id of the tool call answered
	 * @param result any JSON value
	 * @return the event
	 */
	public Event toolResult(String toolId, @Nullable Object result) {
		return toolResult(toolId, result, null);
	}

	/**
	 * A {@code tool.result}.
	 * @param toolId the id of the tool call answered
	 * @param result any JSON value, or {@code null}
	 * @param error an error object, by convention {@code {code, message}}, or
	 * {@code null}
	 * @return the event
	 */
	public Event toolResult(String toolId, @Nullable Object result, @Nullable Map<String, Object> error) {
		return toolResult(toolId, result, error, Map.of());
	}

	/**
	 * A {@code tool.result} with metadata.
	 * @param toolId the id of the tool call answered
	 * @param result any JSON value, or {@code null}
	 * @param error an error object, by convention {@code {code, message}}, or
	 * {@code null}
	 * @param metadata the event's metadata
	 * @return the event
	 */
	public Event toolResult(String toolId, @Nullable Object result, @Nullable Map<String, Object> error,
			Map<String, Object> metadata) {
		return event(new EventPayload.ToolResult(toolId, result, error), metadata);
	}

	private Event event(EventPayload payload, Map<String, Object> metadata) {
		return new Event(AcpIds.event(), this.run.threadId(), this.run.id(), this.run.assistant(), this.clock.instant(),
				metadata, null, payload);
	}

}
