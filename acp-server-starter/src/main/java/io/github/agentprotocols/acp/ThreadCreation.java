package io.github.agentprotocols.acp;

import java.util.List;

/**
 * A created thread (spec §4.1): the thread, its creator's membership and the
 * {@code thread.created} event, written in one transaction.
 *
 * @param thread the thread
 * @param creator the creator's membership (role {@code member}, added by the creator)
 * @param created the {@code thread.created} event, authored by the creator at the
 * thread's creation time
 */
public record ThreadCreation(AcpThread thread, ThreadMember creator, Event created) implements StoreWrite {

	@Override
	public List<Event> events() {
		return List.of(this.created);
	}

}
