package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Outcome of a tool command. The seven values are stable.
 */
public enum ToolStatus implements WireValue {

	/** Wire value {@code ok}. */
	OK,

	/** Wire value {@code not_found}. */
	NOT_FOUND,

	/** Wire value {@code not_ready}. */
	NOT_READY,

	/** Wire value {@code permission_missing}. */
	PERMISSION_MISSING,

	/** Wire value {@code timeout}. */
	TIMEOUT,

	/** Wire value {@code failed}. */
	FAILED,

	/** Wire value {@code unknown}. */
	UNKNOWN;

	/**
	 * Parses a wire value.
	 * @param value the wire value
	 * @return the constant
	 * @throws ProtocolValidationException if the value is not one of the constants
	 */
	@JsonCreator
	public static ToolStatus fromWire(String value) {
		return WireValue.parse(values(), value, "tool status");
	}

	@Override
	public String toString() {
		return wireValue();
	}

}
