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

package io.github.agentprotocols.appcontrol;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumeration of wire strings: each constant is spelled on the wire as its name in
 * lower case ({@code NOT_FOUND} is {@code not_found}). Jackson writes the constants as
 * their wire strings.
 */
public interface WireValue {

	/**
	 * The constant's name, as {@link Enum#name()} gives it.
	 * @return the name
	 */
	String name();

	/**
	 * The string used on the wire.
	 * @return the wire value
	 */
	@JsonValue
	default String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

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
