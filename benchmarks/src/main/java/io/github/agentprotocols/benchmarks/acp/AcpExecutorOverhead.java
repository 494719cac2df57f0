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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import org.HdrHistogram.Histogram;

/**
 * Executor overhead per event: a run of the assistant that yields
 * {@value AcpBenchmarkApplication#EVENTS_PER_RUN} small messages, each timed from the
 * handler's yield to its delivery to a broadcast listener (the executor persists and
 * broadcasts one event before it asks the handler for the next). Baseline: the same
 * number of the same run's messages appended with {@code ThreadStore.append} in a loop,
 * one after the other, on the same store, each timed from the call to its completion. In
 * memory ({@link #inMemory()}) or on PostgreSQL ({@link #postgres()}); alternating
 * rounds, each on a new thread.
 */
public final class AcpExecutorOverhead implements LoadScenario {

	private static final Duration WAIT = Duration.ofMinutes(2);

	private final boolean postgres;

	private AcpExecutorOverhead(boolean postgres) {
		this.postgres = postgres;
	}

	/**
	 * The overhead with the in-memory store.
	 * @return the scenario
	 */
	public static AcpExecutorOverhead inMemory() {
		return new AcpExecutorOverhead(false);
	}

	/**
	 * The overhead with the PostgreSQL store.
	 * @return the scenario
	 */
	public static AcpExecutorOverhead postgres() {
		return new AcpExecutorOverhead(true);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		try (AcpBenchDatabase database = this.postgres ? AcpBenchDatabase.create() : null;
				Running application = AcpBenchmarkApplication.start(database)) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			AssistantRuns runs = application.context().getBean(AssistantRuns.class);
			EventTimings timings = application.context().getBean(EventTimings.class);
			String kind = this.postgres ? "postgres" : "memory";
			appendLoop("warmup", store);
			executorRun("warmup", store, runs, timings);
			return Rounds.alternate(Rounds.count(),
					new Measurement("baseline-store-append-loop-" + kind, (name) -> appendLoop(name, store)),
					new Measurement("acp-executor-yield-to-listener-" + kind,
							(name) -> executorRun(name, store, runs, timings)));
		}
	}

	private static LatencyReport appendLoop(String name, ThreadStore store) {
		String threadId = BenchThreads.withAssistant(store);
		Run run = store.invoke(threadId, request()).block(WAIT).runs().get(0).run();
		Run running = store.startRun(run.id(), "bench").block(WAIT).run();
		HandlerSend send = new HandlerSend(running, Clock.systemUTC());
		Histogram latencies = new Histogram(3);
		long start = System.nanoTime();
		for (int i = 0; i < AcpBenchmarkApplication.EVENTS_PER_RUN; i++) {
			var event = send.message(List.of(new ContentPart.Text("event " + i)));
			long sent = System.nanoTime();
			store.append(event).block(WAIT);
			latencies.recordValue(System.nanoTime() - sent);
		}
		long elapsed = System.nanoTime() - start;
		store.finishRun(run.id(), RunStatus.COMPLETED, null).block(WAIT);
		return LatencyReport.of(name, latencies, 0, elapsed);
	}

	private static LatencyReport executorRun(String name, ThreadStore store, AssistantRuns runs, EventTimings timings)
			throws Exception {
		String threadId = BenchThreads.withAssistant(store);
		Histogram latencies = timings.record();
		CompletableFuture<Run> end = timings.nextRunEnd(threadId);
		long start = System.nanoTime();
		runs.invoke(threadId, request()).block(WAIT);
		Run ended = end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		long elapsed = System.nanoTime() - start;
		if (ended.status() != RunStatus.COMPLETED) {
			throw new IllegalStateException("run ended " + ended.status() + ": " + ended.error());
		}
		return LatencyReport.of(name, latencies, AcpBenchmarkApplication.EVENTS_PER_RUN - latencies.getTotalCount(),
				elapsed);
	}

	private static InvocationRequest request() {
		return InvocationRequest.of(List.of(AcpBenchmarkApplication.ASSISTANT), AcpBenchmarkApplication.USER, null,
				null);
	}

}
