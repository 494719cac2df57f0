package io.github.agentprotocols.lime;

/**
 * The lease under which one instance of a site at a time reads the LIME event stream,
 * when several share it.
 */
@FunctionalInterface
public interface LimeStreamLease {

	/**
	 * Whether this instance holds the lease, and so reads the stream.
	 * @return {@code true} on the leader, {@code false} on a standby
	 */
	boolean isHeld();

}
