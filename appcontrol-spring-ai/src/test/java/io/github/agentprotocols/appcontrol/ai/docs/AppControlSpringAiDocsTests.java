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

import java.nio.file.Path;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ai.CommandToolCallbackProvider;
import io.github.agentprotocols.appcontrol.ai.autoconfigure.AppControlSpringAiAutoConfiguration;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java block of docs/how-to/serve-app-control-commands-to-mcp-agents.md is a copy of
 * {@link DesktopCommandsConfiguration}, which gives an application its tool.
 */
class AppControlSpringAiDocsTests {

	private static final Path HOW_TO = Path.of("../docs/how-to/serve-app-control-commands-to-mcp-agents.md");

	@Test
	void theHowTosJavaBlockIsTheExample() {
		assertThat(CodeSnippets.disagreements(HOW_TO, Path.of(""))).isEmpty();
	}

	@Test
	void theExampleDeclaresATool() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AppControlAutoConfiguration.class, AppControlSpringAiAutoConfiguration.class))
			.withUserConfiguration(DesktopCommandsConfiguration.class)
			.withBean(AppControlClient.class,
					() -> (command, observer) -> ToolObservation.ok(command.commandId(), command.tool(),
							command.operation(), "Done", command.input()))
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=docs-example-token-0123")
			.run((context) -> assertThat(context.getBean(CommandToolCallbackProvider.class).getToolCallbacks())
				.singleElement()
				.satisfies((tool) -> assertThat(tool.getToolDefinition().name()).isEqualTo("desktop_click")));
	}

}
