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

package io.github.agentprotocols.happy.ai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.happy.wire.HappyJson;

/**
 * What a Happy tool answers: a JSON object with {@code ok} (whether it did what it was
 * asked) and its fields; a failure's {@code error} says what went wrong.
 *
 * @param ok whether the tool did what it was asked
 * @param fields the answer's other fields, in order
 */
public record HappyToolResult(boolean ok, Map<String, Object> fields) {

	/**
	 * A result.
	 * @param ok whether the tool did what it was asked
	 * @param fields the answer's other fields, in order
	 */
	public HappyToolResult {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * A success.
	 * @param fields the answer's fields
	 * @return the result
	 */
	public static HappyToolResult success(Map<String, Object> fields) {
		return new HappyToolResult(true, fields);
	}

	/**
	 * A failure.
	 * @param error what went wrong, for the agent
	 * @param fields further fields (a session id, say)
	 * @return the result
	 */
	public static HappyToolResult failure(String error, Map<String, Object> fields) {
		Map<String, Object> all = new LinkedHashMap<>(fields);
		all.put("error", error);
		return new HappyToolResult(false, all);
	}

	/**
	 * The answer as JSON text.
	 * @return the JSON object
	 */
	public String toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ok", this.ok);
		json.putAll(this.fields);
		return HappyJson.write(json);
	}

}
