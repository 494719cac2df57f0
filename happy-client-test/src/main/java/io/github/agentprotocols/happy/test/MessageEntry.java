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

package io.github.agentprotocols.happy.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored session message (spec §4.7): its content is always {@code encrypted}.
 */
record MessageEntry(String id, long seq, String ciphertext, @Nullable String localId, long createdAt, long updatedAt) {

	/**
	 * The message record of listings and {@code new-message} updates.
	 */
	Map<String, @Nullable Object> toJson() {
		return Json.object("id", this.id, "seq", this.seq, "content",
				Json.object("t", "encrypted", "c", this.ciphertext), "localId", this.localId, "createdAt",
				this.createdAt, "updatedAt", this.updatedAt);
	}

	/**
	 * The record answered by {@code POST /v3/sessions/{id}/messages}, without content.
	 */
	Map<String, @Nullable Object> toSentJson() {
		return Json.object("id", this.id, "seq", this.seq, "localId", this.localId, "createdAt", this.createdAt,
				"updatedAt", this.updatedAt);
	}

}
