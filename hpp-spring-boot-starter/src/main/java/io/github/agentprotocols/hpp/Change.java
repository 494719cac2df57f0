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

package io.github.agentprotocols.hpp;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a session's change log, as returned by the diff endpoint.
 * <p>
 * Its values cannot be changed through this record: an object or array is copied when the
 * record is made and each time it is read (other JSON values are immutable), so entries
 * can be shared by a session and its copies.
 *
 * @param key the field key
 * @param from the previous value (JSON null if the field had no entry)
 * @param to the new value
 * @param by the resulting owner of the field
 * @param at when the change was made
 */
public record Change(String key, JsonNode from, JsonNode to, FieldOwner by, Instant at) {

	/**
	 * Create a new {@code Change}, keeping copies of the values.
	 * @param key the field key
	 * @param from the previous value (JSON null if the field had no entry)
	 * @param to the new value
	 * @param by the resulting owner of the field
	 * @param at when the change was made
	 */
	public Change {
		from = from.deepCopy();
		to = to.deepCopy();
	}

	/**
	 * The previous value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode from() {
		return this.from.deepCopy();
	}

	/**
	 * The new value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode to() {
		return this.to.deepCopy();
	}

}
