package io.github.agentprotocols.acp;

import java.util.List;

/**
 * A removed member (spec §4.13).
 *
 * @param member the membership as it was stored
 * @param event the {@code thread.member_removed} event carrying the stored identity
 * snapshot
 */
public record MemberRemoval(ThreadMember member, Event event) implements StoreWrite {

	@Override
	public List<Event> events() {
		return List.of(this.event);
	}

}
