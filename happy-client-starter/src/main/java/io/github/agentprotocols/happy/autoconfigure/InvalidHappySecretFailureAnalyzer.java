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

package io.github.agentprotocols.happy.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidHappySecretException} as the property and the environment
 * variable to correct.
 */
class InvalidHappySecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHappySecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHappySecretException cause) {
		return new FailureAnalysis(
				"The property 'happy.secret' is not a Happy secret: " + cause.getReason()
						+ ". It is needed for decrypting Happy sessions.",
				"Set 'happy.secret' in your application configuration, or the environment variable HAPPY_SECRET, to "
						+ "the base64 of the account's 32-byte secret (the \"secret\" of ~/.happy/agent.key).",
				cause);
	}

}
