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

package io.github.agentprotocols.appcontrol.ai;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * The application's declared commands as Spring AI tools, one {@link CommandTool} each. A
 * {@code ChatClient} given this provider can call them; Spring AI's MCP server serves it,
 * as it serves every {@code ToolCallbackProvider} bean.
 */
public final class CommandToolCallbackProvider implements ToolCallbackProvider {

	private final List<CommandTool> tools;

	/**
	 * A provider.
	 * @param tools the tools
	 * @throws IllegalArgumentException if two tools have the same name
	 */
	public CommandToolCallbackProvider(List<CommandTool> tools) {
		Set<String> names = new HashSet<>();
		for (CommandTool tool : tools) {
			String name = tool.getToolDefinition().name();
			if (!names.add(name)) {
				throw new IllegalArgumentException("Two app-control commands are declared as the tool '" + name
						+ "': give one CommandDeclaration another name");
			}
		}
		this.tools = List.copyOf(tools);
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.tools.toArray(ToolCallback[]::new);
	}

	/**
	 * The tools.
	 * @return each tool, in declaration order
	 */
	public List<CommandTool> getTools() {
		return this.tools;
	}

}
