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

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Outcome of a tool command. The seven values are stable.
 */
public enum ToolStatus implements WireValue {

	/** Wire value {@code ok}. */
	OK,

	/** Wire value {@code not_found}. */
	NOT_FOUND,

	/** Wire value {@code not_ready}. */
	NOT_READY,

	/** Wire value {@code permission_missing}. */
	PERMISSION_MISSING,

	/** Wire value {@code timeout}. */
	TIMEOUT,

	/** Wire value {@code failed}. */
	FAILED,

	/** Wire value {@code unknown}. */
	UNKNOWN;

	/**
	 * Parses a wire value.
	 * @param value the wire value
	 * @return the constant
	 * @throws ProtocolValidationException if the value is not one of the constants
	 */
	@JsonCreator
	public static ToolStatus fromWire(String value) {
		return WireValue.parse(values(), value, "tool status");
	}

	@Override
	public String toString() {
		return wireValue();
	}

}
