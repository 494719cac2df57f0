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

package io.github.agentprotocols.acp;

import java.util.List;

/**
 * The runs of an invocation (spec §6.1), in the order of the requested assistant ids.
 *
 * @param runs one entry per requested assistant
 */
public record Invocation(List<InvokedRun> runs) {

	/**
	 * Create a new {@code Invocation}, keeping a copy of the runs.
	 * @param runs one entry per requested assistant
	 */
	public Invocation {
		runs = List.copyOf(runs);
	}

	/**
	 * Whether this invocation created at least one run (REST answers 201, else 200).
	 * @return whether any run was created
	 */
	public boolean anyCreated() {
		return this.runs.stream().anyMatch(InvokedRun::created);
	}

	/**
	 * The runs created by this invocation, to hand to the executor.
	 * @return the created runs, in request order
	 */
	public List<Run> createdRuns() {
		return this.runs.stream().filter(InvokedRun::created).map(InvokedRun::run).toList();
	}

	/**
	 * One assistant's run.
	 *
	 * @param run the run in its current state
	 * @param created whether this invocation created it; {@code false} when it coalesced
	 * onto the assistant's active run or replayed an idempotency key
	 */
	public record InvokedRun(Run run, boolean created) {

	}

}
