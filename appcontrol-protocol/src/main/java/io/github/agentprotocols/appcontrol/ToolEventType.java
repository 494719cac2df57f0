package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of a {@link ToolEvent}.
 */
public enum ToolEventType implements WireValue {

	/** Wire value {@code started}. */
	STARTED("started"),

	/** Wire value {@code progress}. */
	PROGRESS("progress"),

	/** Wire value {@code observation}. */
	OBSERVATION("observation"),

	/** Wire value {@code warning}. */
	WARNING("warning"),

	/** Wire value {@code error}. */
	ERROR("error");

	private final String wireValue;

	ToolEventType(String wireValue) {
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
	public static ToolEventType fromWire(String value) {
		return WireValue.parse(values(), value, "event type");
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
