package io.github.agentprotocols.lime;

import org.jspecify.annotations.Nullable;

/**
 * A login event read from the LIME event stream, one that handlers receive.
 *
 * @param type whether the request was approved or expired
 * @param requestId the {@code login_request_id}, trimmed, never empty
 * @param passportJwt the {@code agent_passport_jwt} of an approval, as received;
 * {@code null} for an expiry
 * @param id the SSE {@code id:} of the frame, when the server gave one
 */
public record LimeEvent(Type type, String requestId, @Nullable String passportJwt, @Nullable String id) {

	/**
	 * The kinds of events that reach handlers; the JSON {@code type} of the payload.
	 */
	public enum Type {

		/** {@code approved}: an agent approved the request; carries the passport. */
		APPROVED,

		/** {@code expired}: the request expired unapproved. */
		EXPIRED

	}

}
