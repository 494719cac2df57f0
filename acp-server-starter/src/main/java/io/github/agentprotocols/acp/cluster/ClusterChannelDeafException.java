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

package io.github.agentprotocols.acp.cluster;

import java.time.Duration;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.commons.Internal;

/**
 * Thrown at start-up when the relay listens on its cluster channel but does not hear the
 * probe it sent itself there: the other instances' broadcasts would not arrive either.
 * With PostgreSQL, typically a PgBouncer in transaction pooling between the relay and the
 * database, which accepts {@code LISTEN} and delivers nothing;
 * {@code AcpClusterChannelDeafFailureAnalyzer} reports the fixes.
 */
@Internal
public class ClusterChannelDeafException extends AcpException {

	/** The channel's transport, as {@code acp.cluster.transport} spells it. */
	private final String transport;

	/**
	 * Creates the exception.
	 * @param transport the channel's transport, as {@code acp.cluster.transport} spells
	 * it
	 * @param waited how long the relay waited for its probe
	 */
	public ClusterChannelDeafException(String transport, Duration waited) {
		super(AcpErrorCode.INTERNAL_ERROR, "The cluster relay listens on its " + transport
				+ " channel but did not hear the probe it sent itself" + " there within " + waited.toSeconds() + " s");
		this.transport = transport;
	}

	/**
	 * The channel's transport.
	 * @return for example {@code postgres}
	 */
	public String transport() {
		return this.transport;
	}

}
