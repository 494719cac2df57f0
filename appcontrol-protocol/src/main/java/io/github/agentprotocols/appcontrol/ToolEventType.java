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
 * Kind of a {@link ToolEvent}.
 */
public enum ToolEventType implements WireValue {

	/** Wire value {@code started}. */
	STARTED,

	/** Wire value {@code progress}. */
	PROGRESS,

	/** Wire value {@code observation}. */
	OBSERVATION,

	/** Wire value {@code warning}. */
	WARNING,

	/** Wire value {@code error}. */
	ERROR;

	/**
	 * Parses a wire value.
	 * @param value the wire value
	 * @return the constant
	 * @throws ProtocolValidationException if the value is not one of the constants
	 */
	@JsonCreator
	public static ToolEventType fromWire(String value) {
		return WireValue.parse(values(), value, "event type");
	}

	@Override
	public String toString() {
		return wireValue();
	}

}
