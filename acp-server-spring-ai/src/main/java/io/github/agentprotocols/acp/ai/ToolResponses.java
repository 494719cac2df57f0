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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a model is told of a tool's outcome, and the error objects of failed outcomes.
 */
final class ToolResponses {

	static final String TOOL_ERROR = "tool_error";

	static final String TOOL_DENIED = "tool_denied";

	private ToolResponses() {
	}

	static Map<String, Object> error(String code, String message) {
		return Map.of("code", code, "message", message);
	}

	/**
	 * The text of a {@code tool.result} for the model: the result, or the error's
	 * message.
	 */
	static String text(@Nullable Object result, @Nullable Map<String, Object> error) {
		if (error == null) {
			return JsonText.write(result);
		}
		Object message = error.get("message");
		return "Error: " + ((message != null) ? message : JsonText.write(error));
	}

}
