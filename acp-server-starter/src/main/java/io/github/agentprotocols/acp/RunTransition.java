package io.github.agentprotocols.acp;

import java.util.List;

/**
 * A run moved to a new status, with the {@code run.*} event written in the same
 * transaction.
 *
 * @param run the run after the transition
 * @param event {@code run.started}, {@code run.completed}, {@code run.failed} or
 * {@code run.cancelled}, authored by the run's assistant
 */
public record RunTransition(Run run, Event event) implements StoreWrite {

	@Override
	public List<Event> events() {
		return List.of(this.event);
	}

}
