package io.github.agentprotocols.acp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to adding a member (spec §4.8), which is idempotent.
 *
 * @param member the new membership, or the existing one unchanged
 * @param added whether the member was new
 * @param event the {@code thread.member_added} event of a new member, else {@code null}
 */
public record MemberAddition(ThreadMember member, boolean added, @Nullable Event event) implements StoreWrite {

	@Override
	public List<Event> events() {
		return (this.event != null) ? List.of(this.event) : List.of();
	}

}
