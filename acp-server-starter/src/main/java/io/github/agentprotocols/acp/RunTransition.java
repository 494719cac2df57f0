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
 * A run moved to a new status, with the {@code run.*} event written in the same
 * transaction.
 *
 * @param run the run after the transition
 * @param event {@code run.started}, {@code run.completed}, {@code run.failed} or
 * {@code run.cancelled}, authored by the run's assistant
 */
public record RunTransition(Run run, Event event) implements StoreWrite {

	@Override
	public List<Event> events() {
		return List.of(this.event);
	}

}
