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
 * A created thread (spec §4.1): the thread, its creator's membership and the
 * {@code thread.created} event, written in one transaction.
 *
 * @param thread the thread
 * @param creator the creator's membership (role {@code member}, added by the creator)
 * @param created the {@code thread.created} event, authored by the creator at the
 * thread's creation time
 */
public record ThreadCreation(AcpThread thread, ThreadMember creator, Event created) implements StoreWrite {

	@Override
	public List<Event> events() {
		return List.of(this.created);
	}

}
