package io.github.agentprotocols.appcontrol;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumeration of wire strings: each constant is spelled on the wire as its name in
 * lower case ({@code NOT_FOUND} is {@code not_found}). Jackson writes the constants as
 * their wire strings.
 */
public interface WireValue {

	/**
	 * The constant's name, as {@link Enum#name()} gives it.
	 * @return the name
	 */
	String name();

	/**
	 * The string used on the wire.
	 * @return the wire value
	 */
	@JsonValue
	default String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Finds the constant spelled {@code value} on the wire.
	 * @param <E> the enumeration type
	 * @param constants all constants
	 * @param value the wire value
	 * @param kind what the enumeration is called in error messages
	 * @return the constant
	 * @throws ProtocolValidationException naming the unsupported value
	 */
	static <E extends WireValue> E parse(E[] constants, String value, String kind) {
		for (E candidate : constants) {
			if (candidate.wireValue().equals(value)) {
				return candidate;
			}
		}
		throw ProtocolValidationException.model("", "unsupported " + kind + ": " + value);
	}

}
