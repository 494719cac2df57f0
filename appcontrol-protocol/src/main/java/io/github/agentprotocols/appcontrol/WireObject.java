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

package io.github.agentprotocols.appcontrol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A model that travels as one JSON object. Jackson writes it as its {@link #toMap() wire
 * object}; each model reads it back with its lenient {@code fromMap}.
 */
public interface WireObject {

	/**
	 * The canonical wire object: keys in wire order, required keys always, optional
	 * scalars when set, optional objects when non-empty.
	 * @return the ordered, immutable map
	 */
	@JsonValue
	Map<String, Object> toMap();

	/**
	 * Writes the canonical wire object as compact JSON.
	 * @return the JSON text
	 */
	default String toJson() {
		return AppControlJson.write(toMap());
	}

}
