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

import io.github.agentprotocols.happy.core.HappyKeyFilePermissionsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a key file its group or others may read or write with the command that
 * restricts it to its owner.
 */
class HappyKeyFilePermissionsFailureAnalyzer extends AbstractFailureAnalyzer<HappyKeyFilePermissionsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HappyKeyFilePermissionsException cause) {
		return new FailureAnalysis("The Happy key file " + cause.getKeyFile()
				+ " is readable or writable by group or others (" + cause.getPermissions()
				+ "). It holds the account's token and secret, and is refused as ssh refuses such a private key.",
				"Restrict the file to its owner: " + cause.getFix()
						+ " (a Kubernetes secret volume: defaultMode 0600 or 0400).",
				cause);
	}

}
