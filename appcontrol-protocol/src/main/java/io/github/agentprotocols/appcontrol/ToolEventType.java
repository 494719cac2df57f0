package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Kind of a {@link ToolEvent}.
 */
public enum ToolEventType implements WireValue {

	/** Wire value {@code started}. */
	STARTED,

	/** Wire value {@code progress}. */
	PROGRESS,

	/** Wire value {@code observation}. */
	OBSERVATION,

	/** Wire value {@code warning}. */
	WARNING,

	/** Wire value {@code error}. */
	ERROR;

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
		return wireValue();
	}

}
