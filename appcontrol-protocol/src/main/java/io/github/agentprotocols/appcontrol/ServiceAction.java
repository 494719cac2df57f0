package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a {@link ServiceRequest} asks the local service to do.
 */
public enum ServiceAction implements WireValue {

	/** Wire value {@code run}. */
	RUN("run"),

	/** Wire value {@code submit}. */
	SUBMIT("submit"),

	/** Wire value {@code poll}. */
	POLL("poll"),

	/** Wire value {@code stream}. */
	STREAM("stream");

	private final String wireValue;

	ServiceAction(String wireValue) {
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
	public static ServiceAction fromWire(String value) {
		return WireValue.parse(values(), value, "service action");
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
