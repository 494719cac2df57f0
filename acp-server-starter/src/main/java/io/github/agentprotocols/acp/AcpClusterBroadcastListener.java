package io.github.agentprotocols.acp;

import java.util.Set;

/**
 * An {@link AcpBroadcastListener} that also delivers what other instances of the
 * application committed (spec §5.7, cluster): the Socket.IO transport's room emitter is
 * one. Its {@link #onBroadcast} receives this instance's broadcasts from the
 * {@link AcpBroadcaster}; the cluster relay calls {@link #onRemoteBroadcast} with the
 * others'. Plain listeners, such as meters, see this instance's broadcasts only, so
 * nothing is counted twice.
 */
public interface AcpClusterBroadcastListener extends AcpBroadcastListener {

	/**
	 * Delivers a broadcast committed by another instance: per thread in that instance's
	 * commit order, each once. Across instances there is no order; clients order events
	 * by {@code (created_at, id)}. Called from the relay's single receiving thread; must
	 * not block.
	 * @param broadcast the notification
	 */
	void onRemoteBroadcast(AcpBroadcast broadcast);

	/**
	 * The threads this instance currently delivers to, for example those whose room has
	 * at least one socket. After the relay lost the cluster channel, it reads these
	 * threads' events committed meanwhile from the store and delivers those not yet
	 * delivered through {@link #onRemoteBroadcast}.
	 * @return the thread ids
	 */
	Set<String> watchedThreads();

}
