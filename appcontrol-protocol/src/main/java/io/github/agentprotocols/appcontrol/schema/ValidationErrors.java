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

package io.github.agentprotocols.appcontrol.schema;

import java.util.Comparator;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.github.agentprotocols.appcontrol.JsonPointers;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.QuotedText;
import tools.jackson.databind.JsonNode;

/**
 * Turns the validator's errors into one {@link ProtocolValidationException} with a JSON
 * pointer, the failing keyword and an upstream-style message.
 */
final class ValidationErrors {

	private ValidationErrors() {
	}

	static ProtocolValidationException first(String schemaName, List<Error> errors) {
		Error error = errors.stream()
			.filter((candidate) -> !insideOneOf(candidate, errors))
			.min(Comparator.comparingInt(ValidationErrors::rank))
			.orElseThrow();
		return new ProtocolValidationException(schemaName, pointer(error), error.getKeyword(), message(error, errors));
	}

	/**
	 * Whether an error explains why an option of a failed {@code oneOf} did not match;
	 * the {@code oneOf} error itself is reported instead.
	 */
	private static boolean insideOneOf(Error error, List<Error> errors) {
		String evaluation = error.getEvaluationPath().toString();
		return errors.stream()
			.filter((candidate) -> "oneOf".equals(candidate.getKeyword()))
			.anyMatch((oneOf) -> evaluation.startsWith(oneOf.getEvaluationPath() + "/"));
	}

	/**
	 * Upstream reports a missing property before anything else and conditional
	 * ({@code if}/{@code then}/{@code else}) failures last.
	 */
	private static int rank(Error error) {
		String evaluation = error.getEvaluationPath().toString();
		if (evaluation.contains("/then") || evaluation.contains("/else")) {
			return 2;
		}
		return "required".equals(error.getKeyword()) ? 0 : 1;
	}

	private static String pointer(Error error) {
		String pointer = "";
		NodePath location = error.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			pointer = JsonPointers.child(pointer, location.getElement(i));
		}
		String property = error.getProperty();
		if (property != null
				&& ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
			pointer = JsonPointers.child(pointer, property);
		}
		return pointer;
	}

	private static String message(Error error, List<Error> errors) {
		String path = JsonPointers.toPath(pointer(error));
		JsonNode schema = error.getSchemaNode();
		return switch (error.getKeyword()) {
			case "required" -> path + " is required";
			case "additionalProperties" -> path + " is not allowed";
			case "const" -> path + " must be " + schema + ", got " + value(error);
			case "enum" -> path + " must be one of " + schema + ", got " + value(error);
			case "type" -> path + " must be " + typeName(schema);
			case "minimum" -> path + " must be >= " + schema + ", got " + value(error);
			case "minLength" -> path + " must contain at least " + schema + " character(s)";
			case "oneOf" -> oneOfMessage(error, path, errors);
			default -> path + ": " + QuotedText.escaped(error.getMessage());
		};
	}

	/**
	 * The failing value as a message quotes it: cut, its lone surrogates escaped. Written
	 * only by the messages that quote it: a {@code type} error may be about a tree no
	 * writer takes (one nested deeper than the writer's limit, built by an API caller).
	 */
	private static String value(Error error) {
		return QuotedText.of(String.valueOf(error.getInstanceNode()));
	}

	private static String oneOfMessage(Error oneOf, String path, List<Error> errors) {
		Object matched = oneOf.getArguments()[0];
		String message = path + " must match exactly one schema option; matched " + matched;
		String options = oneOf.getEvaluationPath() + "/";
		Error last = null;
		for (Error candidate : errors) {
			if (candidate.getEvaluationPath().toString().startsWith(options)) {
				last = candidate;
			}
		}
		return ("0".equals(String.valueOf(matched)) && last != null) ? message + ": " + message(last, errors) : message;
	}

	private static String typeName(JsonNode type) {
		return switch (type.asString()) {
			case "object" -> "an object";
			case "array" -> "an array";
			case "string" -> "a string";
			case "integer" -> "an integer";
			case "number" -> "a number";
			case "boolean" -> "a boolean";
			default -> "null";
		};
	}

}
