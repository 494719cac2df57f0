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
