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
 * Thrown at start-up when a starter needs a configuration property that has no value.
 * {@link MissingProtocolPropertyFailureAnalyzer} turns it into a start-up report naming
 * the property (and its environment variable, when the protocol has one) to set.
 */
public class MissingProtocolPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable String environmentVariable;

	private final String purpose;

	/**
	 * Create a new exception.
	 * @param property the missing property, for example {@code lime.site-token}
	 * @param environmentVariable the environment variable that also sets it, or
	 * {@code null}
	 * @param purpose what the property is for, in a few words
	 */
	public MissingProtocolPropertyException(String property, @Nullable String environmentVariable, String purpose) {
		super("Required property '" + property + "' is not set (" + purpose + ")");
		this.property = property;
		this.environmentVariable = environmentVariable;
		this.purpose = purpose;
	}

	public String getProperty() {
		return this.property;
	}

	public @Nullable String getEnvironmentVariable() {
		return this.environmentVariable;
	}

	public String getPurpose() {
		return this.purpose;
	}

}
