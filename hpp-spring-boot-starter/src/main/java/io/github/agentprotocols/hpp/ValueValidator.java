package io.github.agentprotocols.hpp;

import tools.jackson.databind.JsonNode;

/**
 * Checks an agent's value against the {@code type} of its schema field. A bean of this
 * type replaces the built-in type check for every field present in the schema (keys not
 * in the schema are never validated); the options check of {@code enum} fields still runs
 * afterwards. Returning false yields {@code type mismatch, expected <type>}; throwing
 * yields the exception's message. {@link #builtIn()} gives the default, to delegate to.
 */
@FunctionalInterface
public interface ValueValidator {

	/**
	 * Checks a value.
	 * @param value the value, any JSON
	 * @param type the field's type ("string" when the schema gives none)
	 * @param field the whole field definition
	 * @return whether the value fits the type
	 */
	boolean isValid(JsonNode value, String type, JsonNode field);

	/**
	 * The built-in check of the types string, int, float, bool, datetime, array and enum.
	 * @return the built-in validator
	 */
	static ValueValidator builtIn() {
		return BuiltInTypes.INSTANCE;
	}

}
