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

import org.jspecify.annotations.Nullable;

/**
 * The answer to adding a member (spec §4.8), which is idempotent.
 *
 * @param member the new membership, or the existing one unchanged
 * @param added whether the member was new
 * @param event the {@code thread.member_added} event of a new member, else {@code null}
 */
public record MemberAddition(ThreadMember member, boolean added, @Nullable Event event) implements StoreWrite {

	@Override
	public List<Event> events() {
		return (this.event != null) ? List.of(this.event) : List.of();
	}

}
