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
