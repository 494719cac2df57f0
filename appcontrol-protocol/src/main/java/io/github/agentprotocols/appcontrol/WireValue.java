package io.github.agentprotocols.appcontrol;

/**
 * An enumeration constant with a fixed wire spelling.
 */
public interface WireValue {

	/**
	 * The string used on the wire.
	 * @return the wire value
	 */
	String wireValue();

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
