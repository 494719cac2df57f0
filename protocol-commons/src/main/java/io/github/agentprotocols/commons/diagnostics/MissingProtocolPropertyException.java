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
