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

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The type-specific part of an {@link Event} (spec §2.6.2): one record per event type,
 * whose fields are written at the top level of the event on the wire (and as the
 * {@code payload} column of the store).
 */
public sealed interface EventPayload {

	/**
	 * The event type this payload belongs to.
	 * @return the type
	 */
	EventType type();

	/**
	 * The {@code run.*} payload of a run's transition to a status: {@code run.started}
	 * for {@code running}, else the terminal event.
	 * @param status the status the run moves to
	 * @param error the error, required for and only for {@code failed}
	 * @return the payload
	 * @throws IllegalArgumentException for {@code pending}, or an error that does not
	 * match the status
	 */
	static EventPayload ofRunTransition(RunStatus status, @Nullable RunError error) {
		if ((status == RunStatus.FAILED) != (error != null)) {
			throw new IllegalArgumentException("an error goes with, and only with, the failed status");
		}
		return switch (status) {
			case PENDING -> throw new IllegalArgumentException("no run moves to pending");
			case RUNNING -> new RunStarted();
			case COMPLETED -> new RunCompleted();
			case FAILED -> new RunFailed(error);
			case CANCELLED -> new RunCancelled();
		};
	}

	/**
	 * A {@code message}: content parts from a client or a handler.
	 *
	 * @param content 1-64 content parts
	 */
	record Message(List<ContentPart> content) implements EventPayload {

		/**
		 * Create a new {@code Message}, checking that it has between one and the maximum
		 * number of content parts.
		 * @param content 1-64 content parts
		 */
		public Message {
			AcpLimits.check(content != null && !content.isEmpty(), "message draft must include content");
			AcpLimits.check(content.size() <= AcpLimits.MAX_CONTENT_PARTS,
					"content has more than " + AcpLimits.MAX_CONTENT_PARTS + " parts");
			content = List.copyOf(content);
		}

		@Override
		public EventType type() {
			return EventType.MESSAGE;
		}

	}

	/**
	 * A {@code reasoning} trace of a handler.
	 *
	 * @param content the text
	 */
	record Reasoning(String content) implements EventPayload {

		/**
		 * Create a new {@code Reasoning} payload.
		 * @param content the text
		 */
		public Reasoning {
			Objects.requireNonNull(content, "content");
		}

		@Override
		public EventType type() {
			return EventType.REASONING;
		}

	}

	/**
	 * A {@code tool.call}: {@code tool: {id, name, arguments}} on the wire.
	 *
	 * @param id the tool-call id that its results refer to (free-form, not an event id)
	 * @param name the tool's name
	 * @param arguments any JSON value
	 */
	record ToolCall(String id, String name, @Nullable Object arguments) implements EventPayload {

		/**
		 * Create a new {@code ToolCall} payload.
		 * @param id the tool-call id that its results refer to (free-form, not an event
		 * id)
		 * @param name the tool's name
		 * @param arguments any JSON value
		 */
		public ToolCall {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(name, "name");
			arguments = JsonValues.value(arguments);
		}

		@Override
		public EventType type() {
			return EventType.TOOL_CALL;
		}

	}

	/**
	 * A {@code tool.result}: {@code tool: {id, result, error}} on the wire.
	 *
	 * @param id the id of the tool call answered
	 * @param result any JSON value, or {@code null}
	 * @param error an error object (by convention {@code {code, message}}), or
	 * {@code null}
	 */
	record ToolResult(String id, @Nullable Object result, @Nullable Map<String, Object> error) implements EventPayload {

		/**
		 * Create a new {@code ToolResult} payload.
		 * @param id the id of the tool call answered
		 * @param result any JSON value, or {@code null}
		 * @param error an error object (by convention {@code {code, message}}), or
		 * {@code null}
		 */
		public ToolResult {
			Objects.requireNonNull(id, "id");
			result = JsonValues.value(result);
			error = (error != null) ? JsonValues.object(error) : null;
		}

		@Override
		public EventType type() {
			return EventType.TOOL_RESULT;
		}

	}

	/**
	 * A {@code thread.created}: {@code thread: {id, tenant}} on the wire.
	 *
	 * @param threadId the new thread's id
	 * @param tenant its tenant scope
	 */
	record ThreadCreated(String threadId, TenantScope tenant) implements EventPayload {

		/**
		 * Create a new {@code ThreadCreated} payload.
		 * @param threadId the new thread's id
		 * @param tenant its tenant scope
		 */
		public ThreadCreated {
			Objects.requireNonNull(threadId, "threadId");
			Objects.requireNonNull(tenant, "tenant");
		}

		@Override
		public EventType type() {
			return EventType.THREAD_CREATED;
		}

	}

	/**
	 * A {@code thread.member_added}.
	 *
	 * @param member the new member's identity snapshot
	 */
	record MemberAdded(Identity member) implements EventPayload {

		/**
		 * Create a new {@code MemberAdded} payload.
		 * @param member the new member's identity snapshot
		 */
		public MemberAdded {
			Objects.requireNonNull(member, "member");
		}

		@Override
		public EventType type() {
			return EventType.THREAD_MEMBER_ADDED;
		}

	}

	/**
	 * A {@code thread.member_removed}.
	 *
	 * @param member the removed member's stored identity snapshot
	 */
	record MemberRemoved(Identity member) implements EventPayload {

		/**
		 * Create a new {@code MemberRemoved} payload.
		 * @param member the removed member's stored identity snapshot
		 */
		public MemberRemoved {
			Objects.requireNonNull(member, "member");
		}

		@Override
		public EventType type() {
			return EventType.THREAD_MEMBER_REMOVED;
		}

	}

	/**
	 * A {@code thread.tenant_changed}: keys {@code from} and {@code to} on the wire.
	 *
	 * @param from the tenant before the change
	 * @param to the tenant after it
	 */
	record TenantChanged(TenantScope from, TenantScope to) implements EventPayload {

		/**
		 * Create a new {@code TenantChanged} payload.
		 * @param from the tenant before the change
		 * @param to the tenant after it
		 */
		public TenantChanged {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		@Override
		public EventType type() {
			return EventType.THREAD_TENANT_CHANGED;
		}

	}

	/**
	 * A {@code run.started}; no payload keys.
	 */
	record RunStarted() implements EventPayload {

		@Override
		public EventType type() {
			return EventType.RUN_STARTED;
		}

	}

	/**
	 * A {@code run.completed}; no payload keys.
	 */
	record RunCompleted() implements EventPayload {

		@Override
		public EventType type() {
			return EventType.RUN_COMPLETED;
		}

	}

	/**
	 * A {@code run.failed}.
	 *
	 * @param error why the run failed
	 */
	record RunFailed(RunError error) implements EventPayload {

		/**
		 * Create a new {@code RunFailed} payload.
		 * @param error why the run failed
		 */
		public RunFailed {
			Objects.requireNonNull(error, "error");
		}

		@Override
		public EventType type() {
			return EventType.RUN_FAILED;
		}

	}

	/**
	 * A {@code run.cancelled}; no payload keys.
	 */
	record RunCancelled() implements EventPayload {

		@Override
		public EventType type() {
			return EventType.RUN_CANCELLED;
		}

	}

}
