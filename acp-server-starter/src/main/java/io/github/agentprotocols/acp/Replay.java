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

/**
 * The events of a thread after a cursor (spec §5.5 {@code thread:join} replay, §6.4
 * {@code ctx.events}), oldest first.
 *
 * @param events the events in ascending log order: all of them, or the newest {@code cap}
 * when there were more
 * @param truncated whether older events after the cursor were left out
 */
public record Replay(List<Event> events, boolean truncated) {

	/**
	 * Create a new {@code Replay}, keeping a copy of the events.
	 * @param events the events in ascending log order: all of them, or the newest
	 * {@code cap} when there were more
	 * @param truncated whether older events after the cursor were left out
	 */
	public Replay {
		events = List.copyOf(events);
	}

}
