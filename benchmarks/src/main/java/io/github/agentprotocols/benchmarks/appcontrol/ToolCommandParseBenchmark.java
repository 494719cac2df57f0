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
