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

package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the NumericDate claims ({@code exp}, {@code iat}, {@code nbf}) as seconds.
 */
final class NumericDates {

	private NumericDates() {
	}

	/**
	 * Return {@code exp} or {@code iat}, both of which a passport must carry as numbers.
	 * @param claims the claims
	 * @param name {@code exp} or {@code iat}
	 * @return the seconds since the epoch
	 * @throws InvalidPassportException when missing or not a number
	 */
	static double required(Map<String, Object> claims, String name) {
		Double seconds = optional(claims, name);
		if (seconds == null) {
			throw new InvalidPassportException(
					"JWT missing or non-numeric exp or iat claim (" + name + ": " + claims.get(name) + ")");
		}
		return seconds;
	}

	/**
	 * Return a NumericDate claim that may be absent.
	 * @param claims the claims
	 * @param name the claim
	 * @return the seconds since the epoch, or {@code null} when absent or not a number
	 */
	static @Nullable Double optional(Map<String, Object> claims, String name) {
		return (claims.get(name) instanceof Number number) ? number.doubleValue() : null;
	}

}
