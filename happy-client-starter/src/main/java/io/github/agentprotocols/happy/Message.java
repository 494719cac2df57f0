package io.github.agentprotocols.happy;

import java.util.Map;

/**
 * A message of a session, decrypted (the SDK's {@code Message}): a user prompt, agent
 * output, or a session-protocol event (spec §7.4).
 *
 * @param id the message id
 * @param seq its per-session sequence number (increasing, may have gaps)
 * @param content the decrypted content as written, immutable
 * @param createdAt creation time (ms)
 */
public record Message(String id, long seq, Map<String, Object> content, long createdAt) {

	/**
	 * The message's top-level role: {@code user}, {@code agent} or {@code session}.
	 * @return the role, or an empty string when it has none
	 */
	public String role() {
		return (this.content.get("role") instanceof String role) ? role : "";
	}

}
