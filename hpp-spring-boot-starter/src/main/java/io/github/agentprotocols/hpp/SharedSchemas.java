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

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

import tools.jackson.databind.node.ArrayNode;

/**
 * One instance of each distinct schema that sessions hold: a session created with a
 * schema equal to one already held shares that one, so that the sessions of one form keep
 * its field definitions once. A schema is forgotten when no session holds it any more.
 * Thread-safe.
 */
final class SharedSchemas {

	private final Map<ArrayNode, WeakReference<ArrayNode>> schemas = new WeakHashMap<>();

	/**
	 * The instance equal to a schema.
	 * @param schema a schema no one changes any more
	 * @return the instance held already, or the given schema, now held
	 */
	synchronized ArrayNode share(ArrayNode schema) {
		WeakReference<ArrayNode> held = this.schemas.get(schema);
		ArrayNode shared = (held != null) ? held.get() : null;
		if (shared != null) {
			return shared;
		}
		this.schemas.put(schema, new WeakReference<>(schema));
		return schema;
	}

}
