/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
