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
 *
 * @see ProtocolProperty#require(String)
 */
public class MissingProtocolPropertyException extends RuntimeException {

	/** The property to set. */
	private final String property;

	/** The environment variable that sets it too, if any. */
	private final @Nullable String environmentVariable;

	/** What the property is needed for. */
	private final String purpose;

	/**
	 * Create a new exception.
	 * @param property the missing property, for example {@code lime.site-token}
	 * @param environmentVariable the environment variable that also sets it, or
	 * {@code null}
	 * @param purpose what the property is for, in a few words
	 */
	public MissingProtocolPropertyException(String property, @Nullable String environmentVariable, String purpose) {
		this(property, environmentVariable, purpose,
				"Required property '" + property + "' is not set (" + purpose + ")");
	}

	/**
	 * Create a new exception with the given message.
	 * @param property the property
	 * @param environmentVariable the environment variable that also sets it, or
	 * {@code null}
	 * @param purpose what the property is for, in a few words
	 * @param message the detail message
	 */
	protected MissingProtocolPropertyException(String property, @Nullable String environmentVariable, String purpose,
			String message) {
		super(message);
		this.property = property;
		this.environmentVariable = environmentVariable;
		this.purpose = purpose;
	}

	/**
	 * Return the property to set.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the environment variable that sets the property too.
	 * @return the variable's name, or {@code null} when there is none
	 */
	public @Nullable String getEnvironmentVariable() {
		return this.environmentVariable;
	}

	/**
	 * Return what the property is needed for.
	 * @return the purpose, as the failure analysis states it
	 */
	public String getPurpose() {
		return this.purpose;
	}

}
