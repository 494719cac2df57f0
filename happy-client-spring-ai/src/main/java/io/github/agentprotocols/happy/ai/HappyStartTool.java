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
import io.github.agentprotocols.happy.SpawnOptions;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.core.HappyException;

/**
 * {@code happy_start}: spawns a session on a machine and sends it the task; answers the
 * session's id at once, for {@code happy_status} and {@code happy_stop}.
 */
public final class HappyStartTool extends HappyTool {

	static final String TASK_SCHEMA = """
			{"type": "object", "properties": {
			  "machine": {"type": "string", "description": "the machine's id or host name"},
			  "directory": {"type": "string", "description": "an absolute path on that machine to work in"},
			  "prompt": {"type": "string", "description": "the task for the coding agent"},
			  "agent": {"type": "string", "enum": ["claude", "codex", "gemini", "openclaw", "agy"],
			    "description": "the coding agent (claude if absent)"}},
			 "required": ["machine", "directory", "prompt"]}""";

	/**
	 * A tool.
	 * @param happy the client it works through
	 */
	public HappyStartTool(HappyClient happy) {
		super("happy_start", "Starts a coding-agent session on one of the user's machines (Happy) with a task and "
				+ "answers its session id at once; tasks take minutes: follow with happy_status, end with happy_stop.",
				TASK_SCHEMA, happy);
	}

	@Override
	protected HappyToolResult run(ToolArguments arguments, TaskProgress progress) {
		String prompt = arguments.text("prompt");
		String machineId = MachineLookup.id(this.happy, arguments.text("machine"));
		String sessionId = this.happy.spawnSession(machineId, arguments.text("directory"),
				SpawnOptions.DEFAULTS.withAgent(arguments.agent()));
		try {
			this.happy.sendMessage(sessionId, prompt);
		}
		catch (HappyException ex) {
			this.happy.stopSession(sessionId);
			return HappyToolResult.failure(
					"the task could not be sent (" + ex.getMessage() + "); the session was stopped",
					Map.of("sessionId", sessionId));
		}
		return HappyToolResult.success(Map.of("sessionId", sessionId, "machineId", machineId, "state", "working"));
	}

}
