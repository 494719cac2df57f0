/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
