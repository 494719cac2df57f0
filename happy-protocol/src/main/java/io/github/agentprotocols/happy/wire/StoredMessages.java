package io.github.agentprotocols.happy.wire;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /v3/sessions/{id}/messages}: the stored rows without content,
 * by seq (spec §4.7).
 *
 * @param messages the stored messages
 */
public record StoredMessages(List<StoredMessage> messages) {

	/**
	 * A stored message.
	 *
	 * @param id the message id
	 * @param seq its seq
	 * @param localId the sender's id
	 * @param createdAt creation time (ms)
	 * @param updatedAt last change (ms)
	 */
	public record StoredMessage(String id, long seq, @Nullable String localId, long createdAt, long updatedAt) {

	}

}
