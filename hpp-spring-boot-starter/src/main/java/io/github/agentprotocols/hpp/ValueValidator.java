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

import tools.jackson.databind.JsonNode;

/**
 * Checks an agent's value against the {@code type} of its schema field. A bean of this
 * type replaces the built-in type check for every field present in the schema (keys not
 * in the schema are never validated); the options check of {@code enum} fields still runs
 * afterwards. Returning false yields {@code type mismatch, expected <type>}; throwing
 * yields the exception's message. {@link #builtIn()} gives the default, to delegate to.
 */
@FunctionalInterface
public interface ValueValidator {

	/**
	 * Checks a value.
	 * @param value the value, any JSON
	 * @param type the field's type ("string" when the schema gives none)
	 * @param field the whole field definition
	 * @return whether the value fits the type
	 */
	boolean isValid(JsonNode value, String type, JsonNode field);

	/**
	 * The built-in check of the types string, int, float, bool, datetime, array and enum.
	 * @return the built-in validator
	 */
	static ValueValidator builtIn() {
		return BuiltInTypes.INSTANCE;
	}

}
