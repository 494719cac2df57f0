package io.github.agentprotocols.happy.wire;

import java.util.List;

/**
 * A page of {@code GET /v3/sessions/{id}/messages} (spec §4.7).
 *
 * @param messages the messages: ascending after a seq, descending before one
 * @param hasMore whether more messages follow in the same direction
 */
public record MessagePage(List<MessageRecord> messages, boolean hasMore) {

}
