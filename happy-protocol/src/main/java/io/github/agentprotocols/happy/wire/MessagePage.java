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

package io.github.agentprotocols.happy.wire;

import java.util.List;

/**
 * A page of {@code GET /v3/sessions/{id}/messages} (spec §4.7).
 *
 * @param messages the messages: ascending after a seq, descending before one
 * @param hasMore whether more messages follow in the same direction
 */
public record MessagePage(List<MessageRecord> messages, boolean hasMore) {

	/**
	 * Create a new {@code MessagePage}, refusing what the client could not use.
	 * @param messages the messages: ascending after a seq, descending before one
	 * @param hasMore whether more messages follow in the same direction
	 */
	public MessagePage {
		messages = List.copyOf(messages);
	}

}
