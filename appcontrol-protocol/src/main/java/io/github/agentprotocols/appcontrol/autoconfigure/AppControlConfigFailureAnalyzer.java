package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.config.AppControlConfigException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid app-control configuration value with the property to fix.
 */
class AppControlConfigFailureAnalyzer extends AbstractFailureAnalyzer<AppControlConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AppControlConfigException cause) {
		String key = cause.getKey();
		String target = key.startsWith("APP_CONTROL_") ? "the environment variable " + key : "the property app-control."
				+ key.replaceAll(" .*", "").replace('_', '-') + " (TOML key " + key.replaceAll(" .*", "") + ")";
		return new FailureAnalysis("Invalid app-control configuration: " + cause.getMessage(),
				"Correct " + target + ".", cause);
	}

}
