package io.github.agentprotocols.appcontrol;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the protocol reads and writes wire payloads with, and the reading of
 * wire text. A text must hold exactly one JSON document: duplicate keys, trailing
 * content, a byte order mark, comments, {@code NaN} and nesting deeper than
 * {@link #MAX_DEPTH} are refused, each with a {@link ProtocolValidationException} that
 * says what is wrong (and where) and carries the parser's exception as its cause. Written
 * maps keep their key order.
 */
public final class ProtocolJson {

	/**
	 * The deepest nesting of objects and arrays accepted, in text and in {@code Map}
	 * input alike: 500, Jackson's default.
	 */
	public static final int MAX_DEPTH = 500;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final ObjectReader VALUE_READER = MAPPER.readerFor(Object.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private ProtocolJson() {
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
	 * @throws ProtocolValidationException with keyword {@code syntax} or {@code depth} if
	 * the text is not one JSON document, {@code type} if it is not an object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> readObject(String json) {
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
	 * @throws ProtocolValidationException with keyword {@code syntax} or {@code depth} if
	 * the text is not one JSON document
	 */
	public static JsonNode readTree(String json) {
		return read(json, TREE_READER);
	}

	private static <T> T read(String json, ObjectReader reader) {
		if (!json.isEmpty() && json.charAt(0) == '\uFEFF') {
			throw syntax("", "$ is not valid JSON: the text starts with a byte order mark (U+FEFF)", null);
		}
		try (JsonParser parser = MAPPER.createParser(json)) {
			if (parser.nextToken() == null) {
				throw syntax("", "$ is not valid JSON: the text is empty", null);
			}
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
			throw describe(ex);
		}
	}

	private static ProtocolValidationException describe(JacksonException ex) {
		if (ex instanceof StreamConstraintsException) {
			return new ProtocolValidationException(null, "", ProtocolValidationException.DEPTH,
					"$ is nested more than " + MAX_DEPTH + " levels deep", ex);
		}
		String pointer = "";
		String name = null;
		if (ex.processor() instanceof JsonParser parser) {
			pointer = parser.streamReadContext().pathAsPointer().toString();
			name = parser.currentName();
		}
		String reason = ex.getOriginalMessage();
		String where = at(ex.getLocation());
		if (reason.startsWith("Duplicate Object property") && name != null) {
			String parent = pointer.substring(0, pointer.lastIndexOf('/'));
			return syntax(pointer, JsonPointers.toPath(parent) + " has a duplicate key \"" + name + "\"" + where, ex);
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return syntax(pointer, "$ is not valid JSON: the text ends before the document does (truncated)" + where,
					ex);
		}
		if (reason.startsWith("Non-standard token")) {
			int quote = reason.indexOf('\'');
			String token = reason.substring(quote + 1, reason.indexOf('\'', quote + 1));
			return syntax(pointer, "$ is not valid JSON: " + token + " is not a JSON number" + where, ex);
		}
		if (reason.contains("comment")) {
			return syntax(pointer, "$ is not valid JSON: comments are not allowed" + where, ex);
		}
		return syntax(pointer, "$ is not valid JSON" + where + ": " + reason, ex);
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
