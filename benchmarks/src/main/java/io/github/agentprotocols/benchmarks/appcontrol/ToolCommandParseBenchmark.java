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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;

/**
 * {@link EnvelopeParseBenchmark} of a {@link ToolCommand} with input and metadata.
 */
public class ToolCommandParseBenchmark extends EnvelopeParseBenchmark {

	static final ToolCommand COMMAND = new ToolCommand("cmd_42", "macos.computer_use", "type_text",
			Map.of("text", "Quarterly report", "target", Map.of("app", "TextEdit", "window", 1)), 10_000, "idem-42",
			Map.of("traceId", "trace-7", "attempt", 1));

	@Override
	protected Map<String, Object> envelope() {
		return COMMAND.toMap();
	}

	@Override
	protected String schema() {
		return "command";
	}

	@Override
	protected Object model(Map<String, Object> validated) {
		return ToolCommand.fromMap(validated);
	}

}
