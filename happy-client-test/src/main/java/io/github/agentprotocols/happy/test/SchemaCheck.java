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

package io.github.agentprotocols.happy.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Request validation worded as the server's schema errors (spec §4: 400
 * {@code {"error":"Error","message":"<part>/<path> <problem>","statusCode":400}}), one
 * problem per field, joined with {@code ", "}.
 */
final class SchemaCheck {

	private final List<String> problems = new ArrayList<>();

	/**
	 * The body as an object; a problem when it is anything else.
	 * @return the object, or {@code null}
	 */
	@Nullable JsonNode bodyObject(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			problem("body/", "Invalid input: expected object, received " + typeOf(body));
			return null;
		}
		return body;
	}

	/**
	 * A string member.
	 * @param optional whether it may be absent
	 * @param nullable whether it may be {@code null}
	 * @return the string, or {@code null} when absent, {@code null} or invalid
	 */
	@Nullable String string(JsonNode object, String path, String name, boolean optional, boolean nullable) {
		JsonNode value = object.get(name);
		if (value == null && optional) {
			return null;
		}
		if (value != null && value.isNull() && nullable) {
			return null;
		}
		if (value == null || !value.isString()) {
			problem(path + name, "Invalid input: expected string, received " + typeOf(value));
			return null;
		}
		return value.asString();
	}

	/**
	 * An integer query parameter, coerced from its text.
	 * @param minimum the smallest value allowed
	 * @param maximum the largest value allowed
	 * @param exclusiveMinimum whether the minimum itself is refused
	 * @param fallback the value when absent, or {@code null}
	 * @return the value, or the fallback when absent or invalid
	 */
	@Nullable Long integer(Map<String, String> query, String name, long minimum, long maximum, boolean exclusiveMinimum,
			@Nullable Long fallback) {
		String text = query.get(name);
		if (text == null) {
			return fallback;
		}
		String path = "querystring/" + name;
		double value = number(text);
		if (Double.isNaN(value)) {
			problem(path, "Invalid input: expected number, received NaN");
		}
		else if (value != Math.rint(value) || Double.isInfinite(value)) {
			problem(path, "Invalid input: expected int, received number");
		}
		else if (exclusiveMinimum && value <= minimum) {
			problem(path, "Too small: expected number to be >" + minimum);
		}
		else if (value < minimum) {
			problem(path, "Too small: expected number to be >=" + minimum);
		}
		else if (value > maximum) {
			problem(path, "Too big: expected number to be <=" + maximum);
		}
		else {
			return (long) value;
		}
		return fallback;
	}

	void problem(String path, String message) {
		this.problems.add(path + " " + message);
	}

	/**
	 * The 400 answer for the problems found, if any.
	 * @return the answer, or {@code null} when the request is valid
	 */
	@Nullable RestResponse failure() {
		if (this.problems.isEmpty()) {
			return null;
		}
		return RestResponse.json(400,
				Json.object("error", "Error", "message", String.join(", ", this.problems), "statusCode", 400));
	}

	/**
	 * A number as JavaScript's {@code Number(text)} reads it, for the texts tests send.
	 */
	private static double number(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return 0;
		}
		try {
			return Double.parseDouble(trimmed);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	static String typeOf(@Nullable JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "undefined";
		}
		if (value.isNull()) {
			return "null";
		}
		if (value.isArray()) {
			return "array";
		}
		if (value.isObject()) {
			return "object";
		}
		if (value.isNumber()) {
			return "number";
		}
		return value.isBoolean() ? "boolean" : "string";
	}

}
