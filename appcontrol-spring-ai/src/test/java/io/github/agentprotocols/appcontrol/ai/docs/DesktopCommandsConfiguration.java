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

package io.github.agentprotocols.appcontrol.ai.docs;

import io.github.agentprotocols.appcontrol.ai.CommandApproval;
import io.github.agentprotocols.appcontrol.ai.CommandDeclaration;
import io.github.agentprotocols.appcontrol.ai.CommandDecision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/how-to/serve-app-control-commands-to-mcp-agents.md: a declared
 * command and an approval that asks a human before deleting.
 */
@Configuration(proxyBeanMethods = false)
class DesktopCommandsConfiguration {

	// tag::declarations[]
	@Bean
	CommandDeclaration clickCommand() {
		return CommandDeclaration.of("desktop", "click", "Clicks a target on the screen.", """
				{"type": "object", "properties": {"target": {"type": "string"}}, "required": ["target"]}
				""");
	}

	@Bean
	CommandApproval commandApproval() {
		return (command) -> command.operation().equals("delete")
				? CommandDecision.ask("Delete " + command.input().get("path") + "?") : CommandDecision.approve();
	}
	// end::declarations[]

}
