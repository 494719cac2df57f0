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

import io.github.agentprotocols.happy.InsecureServerUrlException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a plain {@code http://} server URL to a host that is not a loopback address
 * with the properties that fix it.
 */
class InsecureServerUrlFailureAnalyzer extends AbstractFailureAnalyzer<InsecureServerUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureServerUrlException cause) {
		return new FailureAnalysis(
				"The Happy server URL " + cause.getServerUrl() + " is plain HTTP to a host that "
						+ "is not a loopback address: the bearer token would cross the network unencrypted.",
				"Use an https:// URL in 'happy.server-url' (or HAPPY_SERVER_URL), or set "
						+ "'happy.allow-insecure-http' to true (or HAPPY_ALLOW_INSECURE_HTTP) if the network to "
						+ "the server is trusted.",
				cause);
	}

}
