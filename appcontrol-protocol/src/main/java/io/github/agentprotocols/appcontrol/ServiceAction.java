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
