package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.micrometer.observation.Observation;

/**
 * What the observation of a broadcast's delivery to this instance's listeners records.
 */
public class BroadcastObservationContext extends Observation.Context {

	private final AcpBroadcast broadcast;

	private final boolean remote;

	/**
	 * Creates the context of a delivery.
	 * @param broadcast the broadcast
	 * @param remote whether another instance committed it
	 */
	public BroadcastObservationContext(AcpBroadcast broadcast, boolean remote) {
		this.broadcast = broadcast;
		this.remote = remote;
	}

	/**
	 * The broadcast.
	 * @return the broadcast
	 */
	public AcpBroadcast getBroadcast() {
		return this.broadcast;
	}

	/**
	 * Whether another instance committed the broadcast.
	 * @return {@code true} for a broadcast relayed by the cluster relay
	 */
	public boolean isRemote() {
		return this.remote;
	}

	/**
	 * The Socket.IO event the broadcast becomes.
	 * @return {@code event}, {@code thread:updated}, {@code members:updated},
	 * {@code run:updated} or {@code thread:removed}
	 */
	public String getBroadcastType() {
		if (this.broadcast instanceof AcpBroadcast.EventAppended) {
			return "event";
		}
		if (this.broadcast instanceof AcpBroadcast.ThreadUpdated) {
			return "thread:updated";
		}
		if (this.broadcast instanceof AcpBroadcast.MembersUpdated) {
			return "members:updated";
		}
		return (this.broadcast instanceof AcpBroadcast.RunUpdated) ? "run:updated" : "thread:removed";
	}

}
