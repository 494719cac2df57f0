package io.github.agentprotocols.happy;

/**
 * Told of a {@link HappySocket}'s connection changes, for metrics and logs.
 * <p>
 * Internal: not API, may change in any release (public for the benchmarks).
 */
public interface SocketListener {

	/** A listener that ignores everything. */
	SocketListener NONE = new SocketListener() {
	};

	/**
	 * The socket connected again after it had dropped.
	 */
	default void reconnected() {
	}

	/**
	 * The socket dropped.
	 * @param reason the reason io.socket gives
	 */
	default void disconnected(String reason) {
	}

}
