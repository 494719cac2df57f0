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
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the protocol reads and writes wire payloads with, and the reading of
 * wire text. A text must hold exactly one JSON document: duplicate keys, trailing
 * content, a byte order mark, comments, nesting deeper than {@link #MAX_DEPTH} and
 * numbers longer than {@link #MAX_NUMBER_LENGTH} are refused, each with a
 * {@link ProtocolValidationException} that says what is wrong (and where) and carries the
 * parser's exception as its cause. As Python's {@code json} module, which the upstream
 * peers use, the numbers {@code NaN}, {@code Infinity} and {@code -Infinity} are read (as
 * {@link Double}s) and written as those bare words; no other spelling of them is
 * accepted. Written maps keep their key order.
 */
public final class AppControlJson {

	/**
	 * The deepest nesting of objects and arrays accepted, in text and in {@code Map}
	 * input alike: 500, Jackson's default.
	 */
	public static final int MAX_DEPTH = 500;

	/**
	 * The most characters a number may be written with: 4300, the most digits Python's
	 * {@code int()} reads by default (its {@code sys.int_info.default_max_str_digits}).
	 * Jackson applies it to numbers with a fraction or exponent too, which Python reads
	 * at any length.
	 */
	public static final int MAX_NUMBER_LENGTH = 4300;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_DEPTH)
				.maxNumberLength(MAX_NUMBER_LENGTH)
				.maxNameLength(Integer.MAX_VALUE)
				.maxStringLength(Integer.MAX_VALUE)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
			.build())
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Set<String> PYTHON_NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

	private static final ObjectReader VALUE_READER = MAPPER.readerFor(Object.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private AppControlJson() {
	}

	/**
	 * The shared mapper. It rejects duplicate keys and trailing content; wire text is
	 * better read with {@link #readTree(String)} or {@link #readObject(String)}, which
	 * say what is wrong with it.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Writes a wire object as compact JSON.
	 * @param payload the object
	 * @return the JSON text
	 */
	public static String write(Map<String, ?> payload) {
		return MAPPER.writeValueAsString(payload);
	}

	/**
	 * Reads JSON text that must hold one object.
	 * @param json the text
	 * @return the object, in document key order
	 * @throws ProtocolValidationException with keyword {@code syntax}, {@code depth} or
	 * {@code limit} if the text is not one readable JSON document, {@code type} if it is
	 * not an object, and as lenient parsing refuses a null map ({@code model}) if it is
	 * null
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> readObject(@Nullable String json) {
		Object value = read(json, VALUE_READER);
		if (!(value instanceof Map<?, ?>)) {
			throw notAnObject();
		}
		return (Map<String, Object>) value;
	}

	/**
	 * Reads JSON text that must hold one JSON document, of any type.
	 * @param json the text
	 * @return the document
	 * @throws ProtocolValidationException with keyword {@code syntax}, {@code depth} or
	 * {@code limit} if the text is not one readable JSON document, {@code model} if it is
	 * null
	 */
	public static JsonNode readTree(@Nullable String json) {
		return read(json, TREE_READER);
	}

	private static <T> T read(@Nullable String json, ObjectReader reader) {
		if (json == null) {
			throw ProtocolValidationException.model("", "payload must be a mapping");
		}
		if (!json.isEmpty() && json.charAt(0) == '\uFEFF') {
			throw syntax("", "$ is not valid JSON: the text starts with a byte order mark (U+FEFF)", null);
		}
		JsonParser parser = MAPPER.createParser(json);
		try (parser) {
			if (parser.nextToken() == null) {
				throw syntax("", "$ is not valid JSON: the text is empty", null);
			}
			refuseNumbersPythonCannotRead(json);
			T value = reader.readValue(parser);
			try {
				if (parser.nextToken() != null) {
					throw syntax("", "$ is not valid JSON: unexpected content after the document"
							+ at(parser.currentTokenLocation()), null);
				}
			}
			catch (JacksonException ex) {
				throw syntax("", "$ is not valid JSON: unexpected content after the document" + at(ex.getLocation()),
						ex);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw describe(ex, parser);
		}
	}

	/**
	 * Jackson also reads {@code +Infinity}, {@code +INF} and {@code -INF}; Python's
	 * {@code json} module, and so this class, reads only {@code NaN}, {@code Infinity}
	 * and {@code -Infinity}. Only a text that could hold one of the others is read twice.
	 */
	private static void refuseNumbersPythonCannotRead(String json) {
		if (!json.contains("INF") && !json.contains("+Infinity")) {
			return;
		}
		JsonParser parser = MAPPER.createParser(json);
		try (parser) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.VALUE_NUMBER_FLOAT && parser.isNaN()
						&& !PYTHON_NON_FINITE.contains(parser.getString())) {
					String spelling = parser.getString();
					TokenStreamLocation location = parser.currentTokenLocation();
					throw syntax(parser.streamReadContext().pathAsPointer().toString(),
							"$ is not valid JSON: " + QuotedText.of(spelling) + " is not a JSON number" + at(location),
							new StreamReadException(parser, "Python reads only NaN, Infinity and -Infinity", location));
				}
				if (parser.streamReadContext().inRoot()) {
					return;
				}
			}
		}
		catch (JacksonException ex) {
			throw describe(ex, parser);
		}
	}

	private static ProtocolValidationException describe(JacksonException ex, JsonParser parser) {
		String pointer = parser.streamReadContext().pathAsPointer().toString();
		String name = parser.currentName();
		String reason = ex.getOriginalMessage();
		String where = at((ex.getLocation() != null) ? ex.getLocation() : parser.currentTokenLocation());
		if (ex instanceof StreamConstraintsException) {
			return reason.startsWith("Number value length")
					? new ProtocolValidationException(null, pointer, ProtocolValidationException.LIMIT,
							JsonPointers.toPath(pointer) + " is a number longer than " + MAX_NUMBER_LENGTH
									+ " characters, the most digits Python's int() reads" + where,
							ex)
					: tooDeep(pointer, ex);
		}
		if (reason.startsWith("Duplicate Object property") && name != null) {
			String parent = pointer.substring(0, pointer.lastIndexOf('/'));
			return syntax(pointer,
					JsonPointers.toPath(parent) + " has a duplicate key \"" + QuotedText.of(name) + "\"" + where, ex);
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return syntax(pointer, "$ is not valid JSON: the text ends before the document does (truncated)" + where,
					ex);
		}
		if (reason.contains("comment")) {
			return syntax(pointer, "$ is not valid JSON: comments are not allowed" + where, ex);
		}
		// the parser's reason may quote the text, even half of a surrogate pair
		return syntax(pointer, "$ is not valid JSON" + where + ": " + QuotedText.escaped(reason), ex);
	}

	/**
	 * The nesting limit's refusal, at the container that crossed it (the parser's context
	 * is still the one holding it), as the validators and models name it.
	 */
	private static ProtocolValidationException tooDeep(String pointer, JacksonException ex) {
		ProtocolValidationException tooDeep = ProtocolValidationException.tooDeep(null, pointer);
		return new ProtocolValidationException(null, pointer, tooDeep.getKeyword(), tooDeep.getMessage(), ex);
	}

	private static String at(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static ProtocolValidationException syntax(String pointer, String message, @Nullable Throwable cause) {
		return new ProtocolValidationException(null, pointer, ProtocolValidationException.SYNTAX, message, cause);
	}

	private static ProtocolValidationException notAnObject() {
		return new ProtocolValidationException(null, "", "type", "$ must be an object");
	}

}
