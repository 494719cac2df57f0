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

import java.util.Objects;

/**
 * The container of an {@code update} event (spec §5.3).
 *
 * @param id a random id
 * @param seq the per-account update counter
 * @param body the update
 * @param createdAt creation time (ms)
 */
public record UpdateEnvelope(String id, long seq, Update body, long createdAt) {

	/**
	 * Create a new {@code UpdateEnvelope}, refusing what the client could not use.
	 * @param id a random id
	 * @param seq the per-account update counter
	 * @param body the update
	 * @param createdAt creation time (ms)
	 */
	public UpdateEnvelope {
		Objects.requireNonNull(body, "An update needs a body");
	}

}
