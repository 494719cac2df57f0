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

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Renders JSON values the way Python prints them, for the reference's validation messages
 * such as {@code value not in allowed options ['Eng', 'HR']}.
 */
final class PythonRepr {

	private PythonRepr() {
	}

	static String of(List<JsonNode> values) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			out.append((i > 0) ? ", " : "");
			append(out, values.get(i));
		}
		return out.append(']').toString();
	}

	private static void append(StringBuilder out, JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			out.append("None");
		}
		else if (value.isBoolean()) {
			out.append(value.booleanValue() ? "True" : "False");
		}
		else if (value.isString()) {
			String text = value.stringValue();
			char quote = (text.indexOf('\'') >= 0 && text.indexOf('"') < 0) ? '"' : '\'';
			out.append(quote);
			for (char c : text.toCharArray()) {
				if (c == '\\' || c == quote) {
					out.append('\\');
				}
				out.append(c);
			}
			out.append(quote);
		}
		else if (value.isArray()) {
			out.append('[');
			int i = 0;
			for (JsonNode item : value) {
				out.append((i++ > 0) ? ", " : "");
				append(out, item);
			}
			out.append(']');
		}
		else if (value.isObject()) {
			out.append('{');
			int i = 0;
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				out.append((i++ > 0) ? ", " : "");
				append(out, JsonNodeFactory.instance.stringNode(entry.getKey()));
				out.append(": ");
				append(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
			double number = value.doubleValue();
			out.append((number == Math.rint(number) && Math.abs(number) < 1e16) ? ((long) number) + ".0"
					: Double.toString(number));
		}
		else {
			out.append(value.toString());
		}
	}

}
