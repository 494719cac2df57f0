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

import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link MissingProtocolPropertyException} as the property to set, and an
 * {@link UnresolvedProtocolPropertyException} as the placeholder's variable to set.
 */
class MissingProtocolPropertyFailureAnalyzer extends AbstractFailureAnalyzer<MissingProtocolPropertyException> {

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingProtocolPropertyException cause) {
		if (cause instanceof UnresolvedProtocolPropertyException unresolved) {
			return analyze(unresolved);
		}
		String description = "The property '" + cause.getProperty() + "' has no value; it is needed for "
				+ cause.getPurpose() + ".";
		String action = "Set '" + cause.getProperty() + "' in your application configuration";
		if (cause.getEnvironmentVariable() != null) {
			action += ", or the environment variable " + cause.getEnvironmentVariable();
		}
		return new FailureAnalysis(description, action + ".", cause);
	}

	private FailureAnalysis analyze(UnresolvedProtocolPropertyException cause) {
		String placeholder = cause.getPlaceholder();
		String variable = ENVIRONMENT_VARIABLE.matcher(placeholder).matches()
				? "the environment variable " + placeholder : "the property '" + placeholder + "'";
		String description = "The property '" + cause.getProperty() + "' is set to '" + cause.getValue()
				+ "', which is not resolved: " + variable + " is not set. The property is needed for "
				+ cause.getPurpose() + ".";
		String action = "Set " + variable + ", or set '" + cause.getProperty() + "' in your application configuration";
		if (cause.getEnvironmentVariable() != null && !cause.getEnvironmentVariable().equals(placeholder)) {
			action += " or the environment variable " + cause.getEnvironmentVariable();
		}
		return new FailureAnalysis(description, action + ".", cause);
	}

}
