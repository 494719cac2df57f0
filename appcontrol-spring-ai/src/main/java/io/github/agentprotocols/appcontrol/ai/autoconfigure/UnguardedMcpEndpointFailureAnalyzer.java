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

package io.github.agentprotocols.appcontrol.ai.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says how to serve the command tools over MCP behind the service token.
 */
class UnguardedMcpEndpointFailureAnalyzer extends AbstractFailureAnalyzer<UnguardedMcpEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnguardedMcpEndpointException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Serve MCP with spring-ai-starter-mcp-server-webflux in a reactive web application, or turn the MCP "
						+ "server off (spring.ai.mcp.server.enabled=false) or to stdio (spring.ai.mcp.server.stdio=true).",
				cause);
	}

}
