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

package io.github.agentprotocols.appcontrol.ai.mcp;

import io.github.agentprotocols.appcontrol.ai.CommandApproval;
import io.github.agentprotocols.appcontrol.ai.CommandDecision;
import io.github.agentprotocols.appcontrol.ai.DesktopCommands;
import io.github.agentprotocols.appcontrol.ai.DesktopTool;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application serving the {@link DesktopTool}'s commands through the app-control
 * service host and, with Spring AI's MCP server, over MCP; deleting asks a human.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(DesktopCommands.class)
class McpTestApplication {

	@Bean
	CommandApproval commandApproval() {
		return (command) -> command.operation().equals("delete")
				? CommandDecision.ask("Delete " + command.input().get("path") + "?") : CommandDecision.approve();
	}

}
