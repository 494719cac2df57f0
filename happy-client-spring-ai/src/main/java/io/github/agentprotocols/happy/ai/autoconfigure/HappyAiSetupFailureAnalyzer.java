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

package io.github.agentprotocols.happy.ai.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link HappyAiSetupException}: what is wrong and what to set.
 */
class HappyAiSetupFailureAnalyzer extends AbstractFailureAnalyzer<HappyAiSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HappyAiSetupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
