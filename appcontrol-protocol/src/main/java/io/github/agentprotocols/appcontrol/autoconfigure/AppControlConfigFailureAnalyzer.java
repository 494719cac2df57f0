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
