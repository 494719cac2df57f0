package io.github.agentprotocols.acp;

import java.util.List;

/**
 * The events of a thread after a cursor (spec §5.5 {@code thread:join} replay, §6.4
 * {@code ctx.events}), oldest first.
 *
 * @param events the events in ascending log order: all of them, or the newest {@code cap}
 * when there were more
 * @param truncated whether older events after the cursor were left out
 */
public record Replay(List<Event> events, boolean truncated) {

	public Replay {
		events = List.copyOf(events);
	}

}
