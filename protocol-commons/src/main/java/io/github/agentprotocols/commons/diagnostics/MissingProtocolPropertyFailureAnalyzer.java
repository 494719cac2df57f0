package io.github.agentprotocols.commons.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link MissingProtocolPropertyException} as the property to set.
 */
class MissingProtocolPropertyFailureAnalyzer extends AbstractFailureAnalyzer<MissingProtocolPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingProtocolPropertyException cause) {
		String description = "The property '" + cause.getProperty() + "' has no value; it is needed for "
				+ cause.getPurpose() + ".";
		String action = "Set '" + cause.getProperty() + "' in your application configuration";
		if (cause.getEnvironmentVariable() != null) {
			action += ", or the environment variable " + cause.getEnvironmentVariable();
		}
		return new FailureAnalysis(description, action + ".", cause);
	}

}
