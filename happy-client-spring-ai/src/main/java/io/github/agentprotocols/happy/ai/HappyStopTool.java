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

import java.util.Map;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.TaskProgress;

/**
 * {@code happy_stop}: stops a session's agent and archives the session, as
 * {@link HappyClient#stopSession(String)} does; stopping an ended session is no failure.
 */
public final class HappyStopTool extends HappyTool {

	/**
	 * A tool.
	 * @param happy the client it works through
	 */
	public HappyStopTool(HappyClient happy) {
		super("happy_stop", "Stops a Happy session's coding agent and archives the session.", SESSION_ONLY, happy);
	}

	@Override
	protected HappyToolResult run(ToolArguments arguments, TaskProgress progress) {
		String sessionId = arguments.text("sessionId");
		this.happy.stopSession(sessionId);
		return HappyToolResult.success(Map.of("sessionId", sessionId, "state", "ended"));
	}

}
