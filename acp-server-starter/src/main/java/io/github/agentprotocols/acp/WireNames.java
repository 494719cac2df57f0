package io.github.agentprotocols.acp;

import java.util.function.Function;

/**
 * Looks up the constant of an enum of wire names.
 */
final class WireNames {

	private WireNames() {
	}

	/**
	 * Finds the constant with the given wire name.
	 * @param <E> the enum type
	 * @param constants the enum's constants
	 * @param wireNameOf the wire name of a constant
	 * @param wireName the name to find
	 * @param what what the name names, for the message
	 * @return the constant
	 * @throws AcpException {@code invalid_request} for an unknown name
	 */
	static <E extends Enum<E>> E find(E[] constants, Function<E, String> wireNameOf, String wireName, String what) {
		for (E constant : constants) {
			if (wireNameOf.apply(constant).equals(wireName)) {
				return constant;
			}
		}
		throw AcpException.invalidRequest("unknown " + what + ": " + wireName);
	}

}
