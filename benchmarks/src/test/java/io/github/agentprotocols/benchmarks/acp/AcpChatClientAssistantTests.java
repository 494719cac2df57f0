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

package io.github.agentprotocols.benchmarks.acp;

import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.test.RunResult;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.ProcessorTimePerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant's streamed answer against the bare client's, a handful of answers, in one
 * application: both paths give the same text, and the report has both paths' rounds.
 * Nothing is timed.
 */
class AcpChatClientAssistantTests {

	private static Running application;

	private static ChatClientAnswers answers;

	@BeforeAll
	static void start() throws Exception {
		application = AcpBenchmarkApplication.start(null);
		answers = new ChatClientAnswers(application.context());
	}

	@AfterAll
	static void stop() throws Exception {
		application.close();
	}

	@ParameterizedTest
	@EnumSource(AnswerScript.class)
	void theAssistantsRunStoresTheTextTheBareStreamGives(AnswerScript script) throws Exception {
		String bare = answers.bare(script);
		RunResult run = answers.result(answers.assistant(answers.thread(), script));
		assertThat(bare).startsWith((script == AnswerScript.TOOL_CALL) ? "Let me check. word0 " : "word0 ")
			.endsWith("word49 ");
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(String.join("", run.messageTexts())).isEqualTo(bare);
		assertThat(run.types()).containsExactlyElementsOf((script == AnswerScript.TOOL_CALL)
				? List.of("run.started", "message", "tool.call", "tool.result", "message", "run.completed")
				: List.of("run.started", "message", "run.completed"));
	}

	@Test
	void theReportHasTheMediansThenEveryRoundOfBothPaths() throws Exception {
		List<LatencyReport> reports = new AcpChatClientAssistant(AnswerScript.TOOL_CALL, 5, 2)
			.measure(new ProcessorTimePerRequest(Map.of()), answers);
		assertThat(reports).extracting(LatencyReport::name)
			.containsExactly("baseline-chat-client-stream-tool-call-median-of-2",
					"acp-chat-client-assistant-tool-call-median-of-2", "baseline-chat-client-stream-tool-call-round-1",
					"acp-chat-client-assistant-tool-call-round-1", "baseline-chat-client-stream-tool-call-round-2",
					"acp-chat-client-assistant-tool-call-round-2");
		assertThat(reports).allSatisfy((report) -> {
			assertThat(report.failed()).isZero();
			assertThat(report.p50()).isPositive();
		});
		assertThat(reports.subList(2, 6)).extracting(LatencyReport::succeeded).containsOnly(5L);
	}

}
