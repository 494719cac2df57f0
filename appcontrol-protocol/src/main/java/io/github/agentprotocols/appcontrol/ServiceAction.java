package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a {@link ServiceRequest} asks the local service to do.
 */
public enum ServiceAction implements WireValue {

	/** Wire value {@code run}. */
	RUN,

	/** Wire value {@code submit}. */
	SUBMIT,

	/** Wire value {@code poll}. */
	POLL,

	/** Wire value {@code stream}. */
	STREAM;

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
		return wireValue();
	}

}
