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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A schema document compiled into a predicate over parsed values (maps, lists, strings,
 * booleans, Jackson's number types and null, as {@link JsonTrees#toMap} gives them), for
 * the keywords the nine documents use: {@code type} (with the protocol's strict
 * integers), {@code const} and {@code enum} of strings, booleans and null,
 * {@code minLength}, an integral {@code minimum}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code allOf}, {@code oneOf},
 * {@code if}/{@code then}/{@code else} and local {@code $ref}s. A payload it accepts is
 * one the validator library accepts; anything else goes to the library, which alone
 * writes the errors. A document with any other keyword has no check, so its payloads all
 * go to the library.
 */
final class SchemaCheck {

	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
			"description");

	private static final Check ALWAYS = (value) -> Outcome.PASS;

	/** The JSON types, each a bit of a type mask in this order. */
	private static final List<String> TYPES = List.of("null", "boolean", "integer", "number", "string", "array",
			"object");

	private static final int INTEGER = 1 << 2;

	private static final int NUMBER = 1 << 3;

	private static final int ANY = (1 << TYPES.size()) - 1;

	private final Check root;

	private SchemaCheck(Check root) {
		this.root = root;
	}

	/**
	 * Compiles a document.
	 * @param document the document, its free-form definitions flattened
	 * @return the check, or null if the document uses a keyword the check does not know
	 */
	static @Nullable SchemaCheck compile(JsonNode document) {
		Compiler compiler = new Compiler(document);
		Check root = compiler.compile(document);
		return compiler.supported ? new SchemaCheck(root) : null;
	}

	/**
	 * Whether the validator library would accept a parsed object; false when it would not
	 * and when the check cannot tell.
	 */
	boolean accepts(Map<String, Object> payload) {
		return this.root.test(payload) == Outcome.PASS;
	}

	/**
	 * A check's answer: {@code UNSURE} where it leaves the decision to the library (a
	 * {@code minimum} of a number with a fraction or exponent), and so does every check
	 * that depends on it, {@code if} and {@code oneOf} included.
	 */
	private enum Outcome {

		PASS, FAIL, UNSURE;

		static Outcome of(boolean pass) {
			return pass ? PASS : FAIL;
		}

	}

	@FunctionalInterface
	private interface Check {

		Outcome test(@Nullable Object value);

	}

	/**
	 * A declared property of a closed object: its check, and whether {@code required}
	 * names it.
	 */
	private record Member(Check check, boolean required) {

	}

	private static final class Compiler {

		private final JsonNode document;

		private final Map<String, Check> references = new HashMap<>();

		private boolean supported = true;

		Compiler(JsonNode document) {
			this.document = document;
		}

		/**
		 * Notes a keyword (or a value of one) the check does not know.
		 */
		private Check unsupported() {
			this.supported = false;
			return ALWAYS;
		}

		Check compile(JsonNode schema) {
			if (schema.isBoolean()) {
				return schema.booleanValue() ? ALWAYS : (value) -> Outcome.FAIL;
			}
			if (!schema.isObject()) {
				return unsupported();
			}
			List<Check> checks = new ArrayList<>();
			JsonNode additional = schema.get("additionalProperties");
			boolean closed = additional != null && !(additional.isBoolean() && additional.booleanValue());
			for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
				JsonNode argument = keyword.getValue();
				switch (keyword.getKey()) {
					case "type" -> checks.add(type(argument));
					case "const" -> checks.add(constant(argument));
					case "enum" -> checks.add(enumeration(argument));
					case "minLength" -> checks.add(minLength(argument));
					case "minimum" -> checks.add(minimum(argument));
					case "properties" -> checks.add(closed ? ALWAYS : properties(argument));
					case "required" -> checks.add(closed ? ALWAYS : required(argument));
					case "additionalProperties" -> checks.add(closed ? closedObject(schema, argument) : ALWAYS);
					case "items" -> checks.add(items(compile(argument)));
					case "allOf" -> checks.add(allOf(compileAll(argument)));
					case "oneOf" -> checks.add(oneOf(compileAll(argument)));
					case "if" -> checks.add(conditional(schema));
					case "then", "else" -> {
						// part of "if"; without an "if" they do nothing
					}
					case "$ref" -> checks.add(reference(argument));
					default -> {
						if (!ANNOTATIONS.contains(keyword.getKey())) {
							return unsupported();
						}
					}
				}
			}
			return (checks.size() == 1) ? checks.get(0) : allOf(checks);
		}

		private List<Check> compileAll(JsonNode schemas) {
			List<Check> checks = new ArrayList<>();
			schemas.values().forEach((schema) -> checks.add(compile(schema)));
			return checks;
		}

		private Check reference(JsonNode ref) {
			String pointer = ref.asString();
			if (!pointer.startsWith("#/")) {
				return unsupported();
			}
			Check resolved = this.references.get(pointer);
			if (resolved != null) {
				return resolved;
			}
			Check[] target = new Check[1];
			// registered before compiling, so that a definition may refer to itself
			this.references.put(pointer, (value) -> target[0].test(value));
			JsonNode definition = this.document.at(pointer.substring(1));
			if (definition.isMissingNode()) {
				return unsupported();
			}
			target[0] = compile(definition);
			return target[0];
		}

		private Check conditional(JsonNode schema) {
			Check condition = compile(schema.get("if"));
			Check then = schema.has("then") ? compile(schema.get("then")) : ALWAYS;
			Check otherwise = schema.has("else") ? compile(schema.get("else")) : ALWAYS;
			return (value) -> switch (condition.test(value)) {
				case PASS -> then.test(value);
				case FAIL -> otherwise.test(value);
				case UNSURE -> Outcome.UNSURE;
			};
		}

		private Check properties(JsonNode properties) {
			List<String> names = new ArrayList<>();
			List<Check> checks = new ArrayList<>();
			properties.properties().forEach((property) -> {
				names.add(property.getKey());
				checks.add(compile(property.getValue()));
			});
			String[] declared = names.toArray(new String[0]);
			Check[] declaredChecks = checks.toArray(new Check[0]);
			return (value) -> {
				if (!(value instanceof Map<?, ?> object)) {
					return Outcome.PASS;
				}
				Outcome outcome = Outcome.PASS;
				for (int i = 0; i < declared.length && outcome != Outcome.FAIL; i++) {
					Object property = object.get(declared[i]);
					if (property != null || object.containsKey(declared[i])) {
						outcome = and(outcome, declaredChecks[i].test(property));
					}
				}
				return outcome;
			};
		}

		/**
		 * {@code properties}, {@code required} and an {@code additionalProperties} other
		 * than {@code true}, checked in one pass over the object's members.
		 */
		private Check closedObject(JsonNode schema, JsonNode additional) {
			Map<String, Check> declared = new HashMap<>();
			schema.path("properties")
				.properties()
				.forEach((property) -> declared.put(property.getKey(), compile(property.getValue())));
			Set<String> requiredNames = new HashSet<>();
			schema.path("required").values().forEach((name) -> requiredNames.add(name.asString()));
			Map<String, Member> members = new HashMap<>();
			declared.forEach((name, check) -> members.put(name, new Member(check, requiredNames.contains(name))));
			Check undeclaredRequired = required(requiredNames.stream().filter((name) -> !declared.containsKey(name)));
			int required = (int) requiredNames.stream().filter(declared::containsKey).count();
			Check extra = compile(additional);
			return (value) -> {
				if (!(value instanceof Map<?, ?> object)) {
					return Outcome.PASS;
				}
				Outcome outcome = Outcome.PASS;
				int requiredSeen = 0;
				for (Map.Entry<?, ?> entry : object.entrySet()) {
					Member member = members.get(entry.getKey());
					if (member != null && member.required()) {
						requiredSeen++;
					}
					outcome = and(outcome, ((member != null) ? member.check() : extra).test(entry.getValue()));
					if (outcome == Outcome.FAIL) {
						return outcome;
					}
				}
				return (requiredSeen == required) ? and(outcome, undeclaredRequired.test(value)) : Outcome.FAIL;
			};
		}

		private static Check required(JsonNode names) {
			return required(names.values().stream().map(JsonNode::asString));
		}

		private static Check required(Stream<String> names) {
			List<String> required = names.toList();
			return (value) -> {
				if (value instanceof Map<?, ?> object) {
					for (String name : required) {
						if (!object.containsKey(name)) {
							return Outcome.FAIL;
						}
					}
				}
				return Outcome.PASS;
			};
		}

		private static Check items(Check item) {
			return (value) -> {
				if (!(value instanceof List<?> list)) {
					return Outcome.PASS;
				}
				Outcome outcome = Outcome.PASS;
				for (int i = 0; i < list.size() && outcome != Outcome.FAIL; i++) {
					outcome = and(outcome, item.test(list.get(i)));
				}
				return outcome;
			};
		}

		private static Check allOf(List<Check> checks) {
			Check[] all = checks.toArray(new Check[0]);
			return (value) -> {
				Outcome outcome = Outcome.PASS;
				for (int i = 0; i < all.length && outcome != Outcome.FAIL; i++) {
					outcome = and(outcome, all[i].test(value));
				}
				return outcome;
			};
		}

		private static Check oneOf(List<Check> checks) {
			Check[] options = checks.toArray(new Check[0]);
			return (value) -> {
				int passed = 0;
				for (Check option : options) {
					Outcome outcome = option.test(value);
					if (outcome == Outcome.UNSURE) {
						return outcome;
					}
					passed += (outcome == Outcome.PASS) ? 1 : 0;
				}
				return Outcome.of(passed == 1);
			};
		}

		private Check type(JsonNode type) {
			List<String> names = new ArrayList<>();
			if (type.isArray()) {
				type.values().forEach((name) -> names.add(name.asString()));
			}
			else {
				names.add(type.asString());
			}
			int accepted = 0;
			for (String name : names) {
				int index = TYPES.indexOf(name);
				if (index < 0) {
					return unsupported();
				}
				accepted |= 1 << index;
			}
			if ((accepted & NUMBER) != 0) {
				accepted |= INTEGER;
			}
			int mask = accepted;
			return (mask == ANY) ? ALWAYS : (value) -> Outcome.of((mask & typeOf(value)) != 0);
		}

		/**
		 * The JSON type of a parsed value as a bit of {@link #TYPES}; with the protocol's
		 * strict integers, a number written with a fraction or exponent is a
		 * {@code number}, never an {@code integer}.
		 */
		private static int typeOf(@Nullable Object value) {
			if (value == null) {
				return 1;
			}
			if (value instanceof Boolean) {
				return 1 << 1;
			}
			if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
					|| value instanceof Short || value instanceof Byte) {
				return INTEGER;
			}
			if (value instanceof Number) {
				return NUMBER;
			}
			if (value instanceof String) {
				return 1 << 4;
			}
			if (value instanceof List<?>) {
				return 1 << 5;
			}
			return (value instanceof Map<?, ?>) ? 1 << 6 : 0;
		}

		private Check constant(JsonNode constant) {
			Object expected = scalar(constant);
			return (value) -> Outcome.of(same(expected, value));
		}

		private Check enumeration(JsonNode values) {
			List<@Nullable Object> allowed = new ArrayList<>();
			values.values().forEach((value) -> allowed.add(scalar(value)));
			return (value) -> {
				for (Object candidate : allowed) {
					if (same(candidate, value)) {
						return Outcome.PASS;
					}
				}
				return Outcome.FAIL;
			};
		}

		private static boolean same(@Nullable Object expected, @Nullable Object value) {
			return (expected == null) ? value == null : expected.equals(value);
		}

		/**
		 * A {@code const} or {@code enum} value the check compares exactly as the library
		 * does: a string, a boolean or null (the library compares numbers by value).
		 */
		private @Nullable Object scalar(JsonNode value) {
			if (value.isString()) {
				return value.stringValue();
			}
			if (value.isBoolean()) {
				return value.booleanValue();
			}
			if (!value.isNull()) {
				unsupported();
			}
			return null;
		}

		private Check minLength(JsonNode length) {
			if (!length.canConvertToInt()) {
				return unsupported();
			}
			int minimum = length.intValue();
			// a code point takes one or two chars
			return (value) -> Outcome.of(!(value instanceof String text) || text.length() >= 2L * minimum
					|| text.codePointCount(0, text.length()) >= minimum);
		}

		private Check minimum(JsonNode bound) {
			if (!bound.isIntegralNumber()) {
				return unsupported();
			}
			BigInteger minimum = bound.bigIntegerValue();
			if (minimum.bitLength() >= Long.SIZE) {
				return unsupported();
			}
			long least = minimum.longValue();
			return (value) -> {
				if (value instanceof Integer || value instanceof Long || value instanceof Short
						|| value instanceof Byte) {
					return Outcome.of(((Number) value).longValue() >= least);
				}
				if (value instanceof BigInteger integer) {
					return Outcome.of(integer.compareTo(minimum) >= 0);
				}
				return (value instanceof Number) ? Outcome.UNSURE : Outcome.PASS;
			};
		}

		private static Outcome and(Outcome left, Outcome right) {
			if (left == Outcome.FAIL || right == Outcome.FAIL) {
				return Outcome.FAIL;
			}
			return (left == Outcome.UNSURE || right == Outcome.UNSURE) ? Outcome.UNSURE : Outcome.PASS;
		}

	}

}
