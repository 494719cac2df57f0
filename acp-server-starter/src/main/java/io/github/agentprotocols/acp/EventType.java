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

/**
 * The twelve event types of x64acp (spec §2.6.2), the {@code type} discriminator of an
 * {@link Event}.
 */
public enum EventType {

	/** A message with content parts, from a client or a handler. */
	MESSAGE("message"),

	/** A plain-text thinking trace of a handler. */
	REASONING("reasoning"),

	/** A tool call of a handler. */
	TOOL_CALL("tool.call"),

	/** A tool result of a handler. */
	TOOL_RESULT("tool.result"),

	/** The thread was created. */
	THREAD_CREATED("thread.created"),

	/** A new member was added. */
	THREAD_MEMBER_ADDED("thread.member_added"),

	/** An existing member was removed. */
	THREAD_MEMBER_REMOVED("thread.member_removed"),

	/** A PATCH changed the thread's tenant. */
	THREAD_TENANT_CHANGED("thread.tenant_changed"),

	/** A run's handler started. */
	RUN_STARTED("run.started"),

	/** A run completed. */
	RUN_COMPLETED("run.completed"),

	/** A run failed. */
	RUN_FAILED("run.failed"),

	/** A run was cancelled. */
	RUN_CANCELLED("run.cancelled");

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The type as written on the wire.
	 * @return for example {@code tool.call}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The type with the given wire name.
	 * @param wireName the name on the wire
	 * @return the type
	 * @throws AcpException {@code invalid_request} for an unknown type
	 */
	public static EventType fromWireName(String wireName) {
		return WireNames.find(values(), EventType::wireName, wireName, "event type");
	}

	/**
	 * Whether a handler may produce events of this type (through {@code send}): message,
	 * reasoning, tool call and tool result.
	 * @return whether the type is handler-producible
	 */
	public boolean isHandlerType() {
		return this == MESSAGE || this == REASONING || this == TOOL_CALL || this == TOOL_RESULT;
	}

	/**
	 * Whether events of this type belong to a run: every type but {@code message} (which
	 * may) and the {@code thread.*} types (which never do).
	 * @return whether an event of this type must carry a run id
	 */
	public boolean requiresRun() {
		return this != MESSAGE && !isThreadType();
	}

	/**
	 * Whether this is one of the server's {@code thread.*} types, which never belong to a
	 * run.
	 * @return whether the type starts with {@code thread.}
	 */
	public boolean isThreadType() {
		return this == THREAD_CREATED || this == THREAD_MEMBER_ADDED || this == THREAD_MEMBER_REMOVED
				|| this == THREAD_TENANT_CHANGED;
	}

}
