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
 * The current value of one form field with its owner and the time it was written.
 * <p>
 * The value cannot be changed through this record: an object or array is copied when the
 * record is made and each time it is read (other JSON values are immutable), so no
 * caller, hook or response holding it can change a stored session.
 *
 * @param value the value, any JSON
 * @param by who wrote it
 * @param at when it was written
 */
public record FieldValue(JsonNode value, FieldOwner by, Instant at) {

	/**
	 * Create a new {@code FieldValue}, keeping a copy of the value.
	 * @param value the value, any JSON
	 * @param by who wrote it
	 * @param at when it was written
	 */
	public FieldValue {
		value = value.deepCopy();
	}

	/**
	 * The value.
	 * @return the value; a copy when it is an object or an array
	 */
	@Override
	public JsonNode value() {
		return this.value.deepCopy();
	}

}
