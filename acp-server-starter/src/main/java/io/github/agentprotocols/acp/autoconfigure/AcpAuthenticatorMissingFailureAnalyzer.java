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

package io.github.agentprotocols.acp.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the application declares no
 * {@code AcpAuthenticator}.
 */
class AcpAuthenticatorMissingFailureAnalyzer extends AbstractFailureAnalyzer<AcpAuthenticatorMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AcpAuthenticatorMissingException cause) {
		return new FailureAnalysis(
				"The x64acp starter needs to know who makes each request, but the application declares no"
						+ " io.github.agentprotocols.acp.AcpAuthenticator bean.",
				"Declare a bean of type io.github.agentprotocols.acp.AcpAuthenticator that maps a request's"
						+ " HandshakeData (headers, query, Socket.IO auth) to an Identity, or to an empty Mono when"
						+ " the request is not authenticated. With Spring Security's WebFlux support enabled, the"
						+ " starter takes the identity from the authenticated principal instead. Or set"
						+ " acp.enabled=false to turn the starter off.",
				cause);
	}

}
