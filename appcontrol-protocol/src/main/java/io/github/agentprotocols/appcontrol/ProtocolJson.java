package io.github.agentprotocols.appcontrol;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the protocol reads and writes wire payloads with. It rejects duplicate
 * keys and trailing content, and keeps the key order of the maps it writes.
 */
public final class ProtocolJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private ProtocolJson() {
	}

	/**
	 * The shared mapper.
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
	 * @throws ProtocolValidationException (keyword {@code type}) if the text is not a
	 * JSON object
	 */
	public static Map<String, Object> readObject(String json) {
		try {
			Map<String, Object> value = MAPPER.readValue(json, OBJECT);
			if (value == null) {
				throw notAnObject();
			}
			return value;
		}
		catch (JacksonException ex) {
			throw notAnObject();
		}
	}

	private static ProtocolValidationException notAnObject() {
		return new ProtocolValidationException(null, "", "type", "$ must be an object");
	}

	/**
	 * Whether {@code json} could not be read as JSON at all.
	 * @param json the text
	 * @return true if it is not well-formed JSON
	 */
	public static boolean isMalformed(String json) {
		try {
			MAPPER.readTree(json);
			return false;
		}
		catch (JacksonException ex) {
			return true;
		}
	}

}
