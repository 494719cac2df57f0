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

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /v3/sessions/{id}/messages}: the stored rows without content,
 * by seq (spec §4.7).
 *
 * @param messages the stored messages
 */
public record StoredMessages(List<StoredMessage> messages) {

	/**
	 * A stored message.
	 *
	 * @param id the message id
	 * @param seq its seq
	 * @param localId the sender's id
	 * @param createdAt creation time (ms)
	 * @param updatedAt last change (ms)
	 */
	public record StoredMessage(String id, long seq, @Nullable String localId, long createdAt, long updatedAt) {

	}

}
