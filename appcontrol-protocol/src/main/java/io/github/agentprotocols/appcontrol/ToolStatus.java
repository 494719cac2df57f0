package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Outcome of a tool command. The seven values are stable.
 */
public enum ToolStatus implements WireValue {

	/** Wire value {@code ok}. */
	OK("ok"),

	/** Wire value {@code not_found}. */
	NOT_FOUND("not_found"),

	/** Wire value {@code not_ready}. */
	NOT_READY("not_ready"),

	/** Wire value {@code permission_missing}. */
	PERMISSION_MISSING("permission_missing"),

	/** Wire value {@code timeout}. */
	TIMEOUT("timeout"),

	/** Wire value {@code failed}. */
	FAILED("failed"),

	/** Wire value {@code unknown}. */
	UNKNOWN("unknown");

	private final String wireValue;

	ToolStatus(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The string used on the wire.
	 * @return the wire value
	 */
	@Override
	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

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
		return this.wireValue;
	}

}
