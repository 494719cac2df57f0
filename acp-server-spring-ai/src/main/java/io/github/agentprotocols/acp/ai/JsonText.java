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

package io.github.agentprotocols.acp.ai;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.util.json.JsonParser;

/**
 * The JSON text a model and its tools exchange, as the JSON values of ACP events and
 * back.
 */
final class JsonText {

	private JsonText() {
	}

	/**
	 * The JSON value of a text: the text itself when it is not JSON.
	 */
	static @Nullable Object value(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return JsonParser.fromJson(text, Object.class);
		}
		catch (RuntimeException ex) {
			return text;
		}
	}

	/**
	 * The text of a JSON value: a string as it is, anything else as JSON.
	 */
	static String write(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		return (value instanceof String text) ? text : JsonParser.toJson(value);
	}

}
