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

import io.github.agentprotocols.appcontrol.ToolObservation;

/**
 * {@link EnvelopeParseBenchmark} of a successful {@link ToolObservation} with
 * observation, evidence and timing.
 */
public class ToolObservationParseBenchmark extends EnvelopeParseBenchmark {

	static final ToolObservation OBSERVATION = ToolObservation.ok("cmd_42", "macos.computer_use", "type_text",
			"Typed 16 characters into TextEdit", Map.of("typed", 16, "focused", Map.of("app", "TextEdit")),
			Map.of("screenshot", "file:///tmp/shot.png"), Map.of("startedAt", "2026-11-22T08:00:00Z", "elapsedMs", 84),
			Map.of("traceId", "trace-7"));

	@Override
	protected Map<String, Object> envelope() {
		return OBSERVATION.toMap();
	}

	@Override
	protected String schema() {
		return "observation";
	}

	@Override
	protected Object model(Map<String, Object> validated) {
		return ToolObservation.fromMap(validated);
	}

}
