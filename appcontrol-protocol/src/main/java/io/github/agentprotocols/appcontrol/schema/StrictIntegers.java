package io.github.agentprotocols.appcontrol.schema;

import java.util.Map;

import io.github.agentprotocols.appcontrol.JsonPointers;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import tools.jackson.databind.JsonNode;

/**
 * The one rule the validator library relaxes: draft 2020-12 lets {@code 1000.0} pass as
 * an {@code integer}, while the protocol requires integers written without a fraction or
 * exponent. Follows {@code properties} and local {@code $ref}s, the only places the
 * schemas declare integers.
 */
final class StrictIntegers {

	private StrictIntegers() {
	}

	static void check(String schemaName, JsonNode document, JsonNode schema, JsonNode instance, String pointer) {
		JsonNode resolved = resolve(document, schema);
		if ("integer".equals(resolved.path("type").asString(null)) && instance.isNumber()
				&& !instance.isIntegralNumber()) {
			throw new ProtocolValidationException(schemaName, pointer, "type",
					JsonPointers.toPath(pointer) + " must be an integer");
		}
		JsonNode properties = resolved.path("properties");
		if (instance.isObject() && properties.isObject()) {
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				JsonNode value = instance.get(property.getKey());
				if (value != null) {
					check(schemaName, document, property.getValue(), value,
							JsonPointers.child(pointer, property.getKey()));
				}
			}
		}
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString(null);
		return (ref != null && ref.startsWith("#/")) ? resolve(document, document.at(ref.substring(1))) : schema;
	}

}
