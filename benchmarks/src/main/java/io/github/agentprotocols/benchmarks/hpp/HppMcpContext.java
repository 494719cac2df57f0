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

package io.github.agentprotocols.benchmarks.hpp;

import java.util.List;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.OneInFlight;
import io.github.agentprotocols.benchmarks.load.ProcessorTimePerRequest;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;

/**
 * An MCP tool call against the same operation over the starter's REST API: one session's
 * context read with the {@code hpp_context} tool against {@code GET context}, the
 * baseline, over loopback from one application ({@link HppContextCalls}), one call at a
 * time, in alternating rounds; each round's processor time and allocation per call in
 * {@code cpu-hpp-mcp-context-<stamp>.csv}.
 */
public final class HppMcpContext implements LoadScenario {

	private static final int CALLS = 2_000;

	private static final int WARMUP_ROUNDS = 3;

	private final int calls;

	private final int rounds;

	HppMcpContext(int calls, int rounds) {
		this.calls = calls;
		this.rounds = rounds;
	}

	/**
	 * The scenario with its default calls and rounds.
	 * @return the scenario
	 */
	public static HppMcpContext of() {
		return new HppMcpContext(CALLS, Rounds.count());
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		return ProcessorTimePerRequest
			.of("caller", "main", "jdk_http_client", "HttpClient-", "netty_event_loops", "reactor-http-",
					"bounded_elastic", "boundedElastic-")
			.measureAndWrite("hpp-mcp-context", this::measure);
	}

	/**
	 * Measures both paths in the HPP benchmark application with its MCP server.
	 * @param cpu the meter of each round
	 * @return the reports, as {@link Rounds#alternate} gives them
	 * @throws Exception if a call fails
	 */
	List<LatencyReport> measure(ProcessorTimePerRequest cpu) throws Exception {
		try (Running application = Running.start(HppBenchmarkApplication.class,
				HppBenchmarkApplication.properties(HppContextCalls.MCP_SERVER));
				HppContextCalls calls = new HppContextCalls(application.port())) {
			return measure(cpu, calls);
		}
	}

	/**
	 * Warms both paths up, then measures them in alternating rounds.
	 * @param cpu the meter of each round
	 * @param calls the two ways of reading the context
	 * @return the reports, as {@link Rounds#alternate} gives them
	 * @throws Exception if a call fails
	 */
	List<LatencyReport> measure(ProcessorTimePerRequest cpu, HppContextCalls calls) throws Exception {
		for (int i = 0; i < WARMUP_ROUNDS; i++) {
			OneInFlight.time("warmup", this.calls, (call) -> calls.rest());
			OneInFlight.time("warmup", this.calls, (call) -> calls.mcp());
		}
		return Rounds.alternate(this.rounds,
				new Measurement("baseline-hpp-context-rest",
						cpu.metered((name) -> OneInFlight.time(name, this.calls, (call) -> calls.rest()))),
				new Measurement("hpp-context-mcp-tool",
						cpu.metered((name) -> OneInFlight.time(name, this.calls, (call) -> calls.mcp()))));
	}

}
