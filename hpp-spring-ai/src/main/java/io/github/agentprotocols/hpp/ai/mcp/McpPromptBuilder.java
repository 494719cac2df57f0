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

package io.github.agentprotocols.hpp.ai.mcp;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.PromptBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The application's handshake prompt followed by the MCP endpoint that serves the agent
 * tools, so that an MCP client needs nothing but the pasted prompt.
 */
public final class McpPromptBuilder implements PromptBuilder {

	private final PromptBuilder prompt;

	private final String endpoint;

	/**
	 * A builder.
	 * @param prompt the prompt builder whose prompt comes first
	 * @param endpoint the MCP endpoint: a path under the base URL, or an absolute URL
	 */
	public McpPromptBuilder(PromptBuilder prompt, String endpoint) {
		this.prompt = prompt;
		this.endpoint = endpoint;
	}

	@Override
	public String build(HandshakeSession session, String baseUrl, @Nullable String instructions, long expiresIn) {
		String url = this.endpoint.contains("://") ? this.endpoint
				: baseUrl.replaceAll("/+$", "") + (this.endpoint.startsWith("/") ? "" : "/") + this.endpoint;
		return this.prompt.build(session, baseUrl, instructions, expiresIn) + "\n\n## MCP\n- mcpEndpoint: " + url
				+ "\n- tools: hpp_context, hpp_diff, hpp_action, hpp_extend (each takes the sessionId and token above)\n";
	}

}
