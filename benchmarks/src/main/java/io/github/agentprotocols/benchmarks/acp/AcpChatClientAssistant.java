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

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.OneInFlight;
import io.github.agentprotocols.benchmarks.load.ProcessorTimePerRequest;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;

/**
 * The ACP assistant's overhead per streamed answer: a run of a
 * {@code ChatClientAssistant} (in memory, its events stored and broadcast as the starter
 * does), timed from the invocation to the broadcast of the run's end, against the bare
 * {@code ChatClient}'s stream of the same answer on the same scripted model, timed to its
 * last chunk ({@link ChatClientAnswers}). The answer is {@value AnswerScript#CHUNKS}
 * chunks of text ({@link #text()}), or a tool call and then those ({@link #toolCall()}).
 * One answer at a time, in alternating rounds; each round's processor time and allocation
 * per answer in {@code cpu-acp-chat-client-assistant-<script>-<stamp>.csv}. Goal: at most
 * 1.1 times the bare stream.
 */
public final class AcpChatClientAssistant implements LoadScenario {

	private static final int ANSWERS = 2_000;

	private static final int WARMUP_ROUNDS = 3;

	private final AnswerScript script;

	private final int answers;

	private final int rounds;

	AcpChatClientAssistant(AnswerScript script, int answers, int rounds) {
		this.script = script;
		this.answers = answers;
		this.rounds = rounds;
	}

	/**
	 * Answers of text.
	 * @return the scenario
	 */
	public static AcpChatClientAssistant text() {
		return new AcpChatClientAssistant(AnswerScript.TEXT, ANSWERS, Rounds.count());
	}

	/**
	 * Answers with a tool call.
	 * @return the scenario
	 */
	public static AcpChatClientAssistant toolCall() {
		return new AcpChatClientAssistant(AnswerScript.TOOL_CALL, ANSWERS, Rounds.count());
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		return ProcessorTimePerRequest
			.of("caller", "main", "bounded_elastic", "boundedElastic-", "reactor_parallel", "parallel-")
			.measureAndWrite("acp-chat-client-assistant-" + kind(), this::measure);
	}

	/**
	 * Measures both paths in the ACP benchmark application.
	 * @param cpu the meter of each round
	 * @return the reports, as {@link Rounds#alternate} gives them
	 * @throws Exception if an answer fails
	 */
	List<LatencyReport> measure(ProcessorTimePerRequest cpu) throws Exception {
		try (Running application = AcpBenchmarkApplication.start(null)) {
			return measure(cpu, new ChatClientAnswers(application.context()));
		}
	}

	/**
	 * Warms both paths up, then measures them in alternating rounds; the runs' threads,
	 * each holding the question, are made before.
	 * @param cpu the meter of each round
	 * @param answers the two ways of answering
	 * @return the reports, as {@link Rounds#alternate} gives them
	 * @throws Exception if an answer fails
	 */
	List<LatencyReport> measure(ProcessorTimePerRequest cpu, ChatClientAnswers answers) throws Exception {
		Iterator<String> threads = Stream.generate(answers::thread)
			.limit((long) this.answers * (WARMUP_ROUNDS + this.rounds))
			.toList()
			.iterator();
		for (int i = 0; i < WARMUP_ROUNDS; i++) {
			bareRound("warmup", answers);
			assistantRound("warmup", answers, threads);
		}
		return Rounds.alternate(this.rounds,
				new Measurement("baseline-chat-client-stream-" + kind(),
						cpu.metered((name) -> bareRound(name, answers))),
				new Measurement("acp-chat-client-assistant-" + kind(),
						cpu.metered((name) -> assistantRound(name, answers, threads))));
	}

	private LatencyReport bareRound(String name, ChatClientAnswers answers) throws Exception {
		return OneInFlight.time(name, this.answers, (i) -> answers.bare(this.script));
	}

	private LatencyReport assistantRound(String name, ChatClientAnswers answers, Iterator<String> threads)
			throws Exception {
		return OneInFlight.time(name, this.answers, (i) -> {
			Run run = answers.assistant(threads.next(), this.script);
			if (run.status() != RunStatus.COMPLETED) {
				throw new IllegalStateException("run ended " + run.status() + ": " + run.error());
			}
		});
	}

	private String kind() {
		return this.script.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
