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

package io.github.agentprotocols.hpp;

/**
 * What an {@link ExtendHook} decided.
 *
 * @param allowed whether the extension may go ahead
 * @param extraSeconds the seconds to extend by, or 0 to keep the requested value
 */
public record ExtensionDecision(boolean allowed, long extraSeconds) {

	private static final ExtensionDecision ALLOW = new ExtensionDecision(true, 0);

	private static final ExtensionDecision DENY = new ExtensionDecision(false, 0);

	/**
	 * Allows the extension as requested.
	 * @return the decision
	 */
	public static ExtensionDecision allow() {
		return ALLOW;
	}

	/**
	 * Refuses the extension.
	 * @return the decision
	 */
	public static ExtensionDecision deny() {
		return DENY;
	}

	/**
	 * Allows the extension with a different number of seconds (at most 86400 are
	 * granted).
	 * @param seconds the seconds to extend by; values below 1 keep the requested value
	 * @return the decision
	 */
	public static ExtensionDecision extendBy(long seconds) {
		return new ExtensionDecision(true, Math.max(0, seconds));
	}

}
