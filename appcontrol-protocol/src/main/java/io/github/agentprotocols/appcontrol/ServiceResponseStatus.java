package io.github.agentprotocols.appcontrol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Service-level outcome of a {@link ServiceRequest}. Tool failures travel inside a
 * {@code complete} response's observation.
 */
public enum ServiceResponseStatus implements WireValue {

	/** Wire value {@code complete}. */
	COMPLETE("complete"),

	/** Wire value {@code not_found}. */
	NOT_FOUND("not_found"),

	/** Wire value {@code failed}. */
	FAILED("failed");

	private final String wireValue;

	ServiceResponseStatus(String wireValue) {
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
	public static ServiceResponseStatus fromWire(String value) {
		return WireValue.parse(values(), value, "service response status");
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
