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

package io.github.agentprotocols.acp.actuate;

import java.time.Instant;
import java.util.Set;

import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.run.RunExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code acp} actuator endpoint: the runs this instance executes, one run's state,
 * and cancelling a run as an operator. Like Spring Boot's own endpoints it is exposed
 * only when the application says so
 * ({@code management.endpoints.web.exposure.include=acp}) and secured as the application
 * secures its actuator.
 */
@Endpoint(id = "acp")
public class AcpEndpoint {

	private final ThreadStore store;

	private final AssistantRuns runs;

	private final @Nullable RunExecutor executor;

	/**
	 * Creates the endpoint.
	 * @param store the thread store
	 * @param runs what runs and cancels assistants' runs
	 * @param executor the starter's run executor, or {@code null} when the application
	 * runs assistants its own way
	 */
	public AcpEndpoint(ThreadStore store, AssistantRuns runs, @Nullable RunExecutor executor) {
		this.store = store;
		this.runs = runs;
		this.executor = executor;
	}

	/**
	 * The runs this instance executes.
	 * @return this instance's node, its runs executing and queued, and their ids; empty
	 * figures when the application runs assistants its own way
	 */
	@ReadOperation
	public Executing executing() {
		RunExecutor running = this.executor;
		if (running == null) {
			return new Executing(null, 0, 0, Set.of());
		}
		return new Executing(running.node(), running.executingRuns(), running.queuedRuns(), running.ownedRunIds());
	}

	/**
	 * One run, whoever executes it.
	 * @param runId the run id
	 * @return the run's outline, or nothing (404) when there is no such run
	 */
	@ReadOperation
	public Mono<RunOutline> run(@Selector String runId) {
		return this.store.findRun(runId).map(RunOutline::of);
	}

	/**
	 * Cancels a run as a member's cancel request would: the request is recorded, and the
	 * instance that executes the run ends it ({@code run.cancelled}).
	 * @param runId the run id
	 * @return whether there was such a run, and its outline once the request is recorded
	 */
	@DeleteOperation
	public Mono<Cancellation> cancel(@Selector String runId) {
		return this.store.findRun(runId)
			.flatMap((run) -> this.runs.cancel(run).then(this.store.findRun(runId)))
			.map((run) -> new Cancellation(true, RunOutline.of(run)))
			.defaultIfEmpty(new Cancellation(false, null));
	}

	/**
	 * The runs of this instance.
	 *
	 * @param node this instance's node name, {@code null} without the starter's executor
	 * @param executing the runs whose handler runs
	 * @param queued the runs waiting for a handler slot
	 * @param runIds the ids of both
	 */
	public record Executing(@Nullable String node, int executing, int queued, Set<String> runIds) {
	}

	/**
	 * The outcome of a cancellation.
	 *
	 * @param requested whether there was such a run to cancel
	 * @param run the run once the request was recorded, {@code null} when there was none
	 */
	public record Cancellation(boolean requested, @Nullable RunOutline run) {
	}

	/**
	 * A run.
	 *
	 * @param id the run id
	 * @param threadId its thread
	 * @param assistantId its assistant
	 * @param status its status, as on the wire
	 * @param startedAt when it started
	 * @param completedAt when it ended, {@code null} while active
	 */
	public record RunOutline(String id, String threadId, String assistantId, String status, Instant startedAt,
			@Nullable Instant completedAt) {

		static RunOutline of(Run run) {
			return new RunOutline(run.id(), run.threadId(), run.assistant().id(), run.status().wireName(),
					run.startedAt(), run.completedAt());
		}

	}

}
