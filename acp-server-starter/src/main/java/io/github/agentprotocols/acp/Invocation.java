package io.github.agentprotocols.acp;

import java.util.List;

/**
 * The runs of an invocation (spec §6.1), in the order of the requested assistant ids.
 *
 * @param runs one entry per requested assistant
 */
public record Invocation(List<InvokedRun> runs) {

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
