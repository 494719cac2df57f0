package io.github.agentprotocols.happy.wire;

import java.util.List;

/**
 * The body of {@code POST /v3/sessions/{id}/messages} (spec §4.7).
 *
 * @param messages the messages to store, 1 to 100
 */
public record NewMessages(List<NewMessage> messages) {

	/**
	 * One message to store.
	 *
	 * @param content the encrypted content (base64)
	 * @param localId the sender's id that makes the post idempotent
	 */
	public record NewMessage(String content, String localId) {

	}

}
