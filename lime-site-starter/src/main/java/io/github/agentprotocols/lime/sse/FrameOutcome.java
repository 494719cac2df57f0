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

package io.github.agentprotocols.lime.sse;

import io.github.agentprotocols.lime.LimeEvent;

/**
 * What one SSE payload holds for the dispatcher: an event for the handlers, or the reason
 * it is skipped and how loudly to log that.
 */
sealed interface FrameOutcome {

	/**
	 * An event to deliver.
	 *
	 * @param event the event
	 */
	record Deliver(LimeEvent event) implements FrameOutcome {
	}

	/**
	 * A payload that reaches no handler; the connection carries on.
	 *
	 * @param severity how loudly to log it
	 * @param reason why it is skipped
	 */
	record Skip(Severity severity, String reason) implements FrameOutcome {
	}

	/**
	 * How loudly a skipped payload is logged.
	 */
	enum Severity {

		/** Expected traffic: keepalives. */
		TRACE,

		/** Ignored by design: unknown types, frames without a request id. */
		DEBUG,

		/** A malformed frame. */
		WARN,

		/** An {@code error} frame sent by LIME. */
		ERROR

	}

}
