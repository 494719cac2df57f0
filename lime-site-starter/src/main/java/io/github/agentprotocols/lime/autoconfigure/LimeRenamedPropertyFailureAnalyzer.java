package io.github.agentprotocols.lime.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link LimeRenamedPropertyException} as the new property to set.
 */
class LimeRenamedPropertyFailureAnalyzer extends AbstractFailureAnalyzer<LimeRenamedPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LimeRenamedPropertyException cause) {
		String description = "The property '" + cause.getProperty() + "' is set, but it was renamed to '"
				+ cause.getReplacement() + "' and no longer has any effect.";
		String action = "Replace '" + cause.getProperty() + "' with '" + cause.getReplacement()
				+ "' in your application configuration"
				+ ((cause.getHint() != null) ? " (" + cause.getHint() + ")." : ".");
		return new FailureAnalysis(description, action, cause);
	}

}
