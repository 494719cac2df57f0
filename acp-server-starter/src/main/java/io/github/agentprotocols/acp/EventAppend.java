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
 * The answer to appending an event (spec §4.9, §7.3).
 *
 * @param event the stored event with its assigned {@code createdAt}; for a deduplicated
 * draft, the original event
 * @param appended whether the event was appended, {@code false} when an event with the
 * same {@code (thread, author, client_id)} already existed
 */
public record EventAppend(Event event, boolean appended) implements StoreWrite {

	@Override
	public List<Event> events() {
		return this.appended ? List.of(this.event) : List.of();
	}

}
