package io.github.agentprotocols.acp;

import java.util.List;

/**
 * The answer to appending an event (spec §4.9, §7.3).
 *
 * @param event the stored event with its assigned {@code createdAt}; for a deduplicated
 * draft, the original event
 * @param appended whether the event was appended, {@code false} when an event with the
 * same {@code (thread, author, client_id)} already existed
 */
public record EventAppend(Event event, boolean appended) implements StoreWrite {

	@Override
	public List<Event> events() {
		return this.appended ? List.of(this.event) : List.of();
	}

}
