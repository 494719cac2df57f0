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

package io.github.agentprotocols.acp.run;

import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Run;
import org.jspecify.annotations.Nullable;

/**
 * The check of spec §6.3 on every element a handler produces: only the run's own
 * {@code message}, {@code reasoning}, {@code tool.call} and {@code tool.result} events,
 * as {@code send} builds them, are accepted.
 */
final class AcceptedEvents {

	private AcceptedEvents() {
	}

	/**
	 * Why an element is not accepted.
	 * @param event the element
	 * @param run the running run
	 * @return the violation, or {@code null} when the element is accepted
	 */
	static @Nullable String violation(Event event, Run run) {
		if (!event.type().isHandlerType()) {
			return "a handler cannot produce " + event.type().wireName() + " events";
		}
		if (!run.threadId().equals(event.threadId())) {
			return "event " + event.id() + " belongs to another thread: " + event.threadId();
		}
		if (!run.id().equals(event.runId())) {
			return "event " + event.id() + " belongs to another run: " + event.runId();
		}
		if (!run.assistantId().equals(event.author().id())) {
			return "event " + event.id() + " has another author: " + event.author().id();
		}
		return null;
	}

}
