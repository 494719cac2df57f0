package io.github.agentprotocols.lime.sse;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of the dispatcher's connection to the LIME event stream, for health checks
 * and listeners.
 *
 * @param status where the connection stands
 * @param attempt for {@link Status#RECONNECTING}, the failures in a row since the last
 * connection that succeeded; for {@link Status#AUTH_REJECTED}, the rejections since then;
 * otherwise 0
 * @param since when the dispatcher entered this state
 * @param lastFailure the failure that led to this state, if any
 */
public record LimeConnectionState(Status status, int attempt, Instant since, @Nullable Throwable lastFailure) {

	/**
	 * Where the connection stands.
	 */
	public enum Status {

		/** Not started, or stopped. */
		STOPPED,

		/** Started and opening the first connection. */
		CONNECTING,

		/** The stream is open. */
		CONNECTED,

		/** The stream failed or ended; waiting to reconnect. */
		RECONNECTING,

		/**
		 * LIME answered the stream with 401 or 403: the site token is missing, invalid or
		 * suspended. The dispatcher retries until its limit of rejections, then gives up
		 * until it is restarted.
		 */
		AUTH_REJECTED

	}

}
