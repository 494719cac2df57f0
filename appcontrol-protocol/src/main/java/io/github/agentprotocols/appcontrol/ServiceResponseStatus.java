package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Service-level outcome of a {@link ServiceRequest}. Tool failures travel inside a
 * {@code complete} response's observation.
 */
public enum ServiceResponseStatus implements WireValue {

	/** Wire value {@code complete}. */
	COMPLETE,

	/** Wire value {@code not_found}. */
	NOT_FOUND,

	/** Wire value {@code failed}. */
	FAILED;

	/**
	 * Parses a wire value.
	 * @param value the wire value
	 * @return the constant
	 * @throws ProtocolValidationException if the value is not one of the constants
	 */
	@JsonCreator
	public static ServiceResponseStatus fromWire(String value) {
		return WireValue.parse(values(), value, "service response status");
	}

	@Override
	public String toString() {
		return wireValue();
	}

}
