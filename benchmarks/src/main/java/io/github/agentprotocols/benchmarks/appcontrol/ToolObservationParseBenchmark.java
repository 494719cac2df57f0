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
