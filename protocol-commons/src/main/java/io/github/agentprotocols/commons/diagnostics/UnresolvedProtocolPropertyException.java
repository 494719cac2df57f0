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

package io.github.agentprotocols.commons.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when a property a starter needs is still a placeholder, such as
 * {@code ${LIME_SITE_TOKEN}} with no such environment variable: binding leaves a
 * placeholder it cannot resolve as it is, so the starter would otherwise use the literal
 * text as its value. It fails the start-up as a missing property does;
 * {@link MissingProtocolPropertyFailureAnalyzer} names the property and the placeholder's
 * variable.
 */
public class UnresolvedProtocolPropertyException extends MissingProtocolPropertyException {

	/** The value as bound, the placeholder included. */
	private final String value;

	/** The name in the placeholder that nothing resolves. */
	private final String placeholder;

	/**
	 * Create a new exception.
	 * @param property the property, for example {@code lime.site.token}
	 * @param environmentVariable the environment variable that also sets it, or
	 * {@code null}
	 * @param purpose what the property is for, in a few words
	 * @param value the value as bound, for example {@code ${LIME_SITE_TOKEN}}
	 * @param placeholder the name in the placeholder, for example {@code LIME_SITE_TOKEN}
	 */
	public UnresolvedProtocolPropertyException(String property, @Nullable String environmentVariable, String purpose,
			String value, String placeholder) {
		super(property, environmentVariable, purpose, "Required property '" + property + "' is set to '" + value
				+ "', whose placeholder '" + placeholder + "' is not resolved (" + purpose + ")");
		this.value = value;
		this.placeholder = placeholder;
	}

	/**
	 * Return the value as bound.
	 * @return the value, the placeholder included
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * Return the name in the placeholder that nothing resolves.
	 * @return the name, an environment variable or a property
	 */
	public String getPlaceholder() {
		return this.placeholder;
	}

}
