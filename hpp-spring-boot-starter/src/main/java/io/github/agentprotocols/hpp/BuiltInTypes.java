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

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The protocol's built-in field types. Unknown types accept every value.
 */
final class BuiltInTypes implements ValueValidator {

	static final BuiltInTypes INSTANCE = new BuiltInTypes();

	private static final Pattern DATE_TIME = Pattern.compile(
			"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?)(Z|[+-][0-9]{2}:[0-9]{2})?");

	private BuiltInTypes() {
	}

	@Override
	public boolean isValid(JsonNode value, String type, JsonNode field) {
		return switch (type) {
			case "string", "str" -> value.isString();
			case "int", "integer" -> value.isIntegralNumber();
			case "float", "number" -> value.isNumber();
			case "bool", "boolean" -> value.isBoolean();
			case "datetime" -> value.isString() && isDateTime(value.stringValue());
			default -> !type.startsWith("array") || value.isArray();
		};
	}

	/**
	 * Whether text is a complete, valid
	 * {@code yyyy-MM-dd[T| ]HH:mm:ss[.fraction][Z|±HH:MM]} date-time.
	 * @param text the text
	 * @return true if valid
	 */
	static boolean isDateTime(String text) {
		Matcher matcher = DATE_TIME.matcher(text);
		if (!matcher.matches()) {
			return false;
		}
		try {
			LocalDateTime.parse(matcher.group(1) + "T" + matcher.group(2));
			if (matcher.group(3) != null && !"Z".equals(matcher.group(3))) {
				ZoneOffset.of(matcher.group(3));
			}
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
