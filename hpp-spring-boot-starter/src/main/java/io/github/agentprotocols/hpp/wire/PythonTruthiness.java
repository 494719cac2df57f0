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

package io.github.agentprotocols.hpp.wire;

import io.github.agentprotocols.commons.Internal;
import tools.jackson.databind.JsonNode;

/**
 * The notions of "empty" and "truthy" that the protocol borrows from its Python
 * reference, applied to JSON values.
 */
@Internal
public final class PythonTruthiness {

	private PythonTruthiness() {
	}

	/**
	 * Whether a value counts as empty: absent, {@code null}, "", [] or {}.
	 * @param value a value or null
	 * @return true if empty
	 */
	public static boolean isEmpty(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return true;
		}
		if (value.isString()) {
			return value.stringValue().isEmpty();
		}
		return value.isContainer() && value.isEmpty();
	}

	/**
	 * Python truthiness of a JSON value: false, null, 0, "", [] and {} are falsy; NaN and
	 * the infinities (a number too large for a double reads as one) are truthy, as in
	 * Python.
	 * @param value a value or null
	 * @return whether the value is truthy
	 */
	public static boolean isTruthy(JsonNode value) {
		if (isEmpty(value)) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
			return value.doubleValue() != 0;
		}
		if (value.isNumber()) {
			return value.asDecimal().signum() != 0;
		}
		return true;
	}

}
