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

package io.github.agentprotocols.happy.ai;

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.happy.HappyClient;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * The Happy tools: {@code happy_start}, {@code happy_status}, {@code happy_stop} and
 * {@code happy_run}.
 */
public final class HappyToolCallbackProvider implements ToolCallbackProvider {

	private final List<HappyTool> tools;

	/**
	 * A provider.
	 * @param tools the tools
	 */
	public HappyToolCallbackProvider(List<HappyTool> tools) {
		this.tools = List.copyOf(tools);
	}

	/**
	 * The four tools over a client.
	 * @param happy the client
	 * @param runTimeout the deadline of {@code happy_run}'s turn
	 * @return the provider
	 */
	public static HappyToolCallbackProvider of(HappyClient happy, Duration runTimeout) {
		return new HappyToolCallbackProvider(List.of(new HappyStartTool(happy), new HappyStatusTool(happy),
				new HappyStopTool(happy), new HappyRunTool(happy, runTimeout)));
	}

	@Override
	public ToolCallback[] getToolCallbacks() {
		return this.tools.toArray(ToolCallback[]::new);
	}

	/**
	 * The tools.
	 * @return each tool
	 */
	public List<HappyTool> getTools() {
		return this.tools;
	}

}
