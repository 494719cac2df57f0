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
import java.util.Map;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.ProcessorTimePerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP tool call against the REST read of the same context, a handful of calls, in one
 * application: both answer the same context, and the report has both paths' rounds.
 * Nothing is timed.
 */
class HppMcpContextTests {

	private static Running application;

	private static HppContextCalls calls;

	@BeforeAll
	static void start() throws Exception {
		application = Running.start(HppBenchmarkApplication.class,
				HppBenchmarkApplication.properties(HppContextCalls.MCP_SERVER));
		calls = new HppContextCalls(application.port());
	}

	@AfterAll
	static void stop() throws Exception {
		calls.close();
		application.close();
	}

	@Test
	void theToolAndTheRestApiAnswerTheSameContext() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readTree(calls.mcp())).isEqualTo(json.readTree(calls.rest()));
		assertThat(json.readTree(calls.rest()).has("schema")).isTrue();
	}

	@Test
	void theReportHasTheMediansThenEveryRoundOfBothPaths() throws Exception {
		List<LatencyReport> reports = new HppMcpContext(5, 2).measure(new ProcessorTimePerRequest(Map.of()), calls);
		assertThat(reports).extracting(LatencyReport::name)
			.containsExactly("baseline-hpp-context-rest-median-of-2", "hpp-context-mcp-tool-median-of-2",
					"baseline-hpp-context-rest-round-1", "hpp-context-mcp-tool-round-1",
					"baseline-hpp-context-rest-round-2", "hpp-context-mcp-tool-round-2");
		assertThat(reports).allSatisfy((report) -> {
			assertThat(report.failed()).isZero();
			assertThat(report.p50()).isPositive();
		});
		assertThat(reports.subList(2, 6)).extracting(LatencyReport::succeeded).containsOnly(5L);
	}

}
