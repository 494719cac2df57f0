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

package io.github.agentprotocols.commons.ai.mcp;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.PropertyResolver;

/**
 * The kind of Spring AI MCP server an endpoint shared by several modules runs: only the
 * synchronous server with sessions ({@code spring.ai.mcp.server.type=SYNC}, the default,
 * over {@code STREAMABLE} or {@code SSE}) lets each module's tools refuse a session whose
 * token does not grant them ({@link McpToolSpecifications}).
 */
final class McpServerKind {

	static final String TYPE = "spring.ai.mcp.server.type";

	static final String PROTOCOL = "spring.ai.mcp.server.protocol";

	private McpServerKind() {
	}

	/**
	 * Fails when the endpoint serves the tools of several modules on a server that cannot
	 * check each tool call's module.
	 * @param modules the modules whose tools the endpoint serves
	 * @param properties the application's properties
	 * @throws InvalidConfigurationPropertyValueException naming the property that selects
	 * such a server
	 */
	static void requireModuleChecks(List<String> modules, PropertyResolver properties) {
		if (modules.size() < 2) {
			return;
		}
		String type = properties.getProperty(TYPE, "SYNC");
		String protocol = properties.getProperty(PROTOCOL, "");
		String reason = "the MCP endpoint serves the tools of " + String.join(" and ", modules)
				+ ", and only Spring AI's synchronous MCP server with sessions (" + TYPE + "=SYNC over STREAMABLE or"
				+ " SSE) lets each module refuse a tool call from a session whose token does not grant its tools";
		if (!"SYNC".equals(type.toUpperCase(Locale.ROOT))) {
			throw new InvalidConfigurationPropertyValueException(TYPE, type, reason);
		}
		if ("STATELESS".equals(protocol.toUpperCase(Locale.ROOT))) {
			throw new InvalidConfigurationPropertyValueException(PROTOCOL, protocol, reason);
		}
	}

}
