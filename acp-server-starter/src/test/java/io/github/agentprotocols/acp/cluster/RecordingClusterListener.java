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

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpClusterBroadcastListener;
import io.github.agentprotocols.acp.Event;

/**
 * A cluster listener that records what it receives, local and remote apart, and watches
 * the threads it is told to.
 */
public class RecordingClusterListener implements AcpClusterBroadcastListener {

	final List<AcpBroadcast> local = new CopyOnWriteArrayList<>();

	final List<AcpBroadcast> remote = new CopyOnWriteArrayList<>();

	final Set<String> watched = ConcurrentHashMap.newKeySet();

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		this.local.add(broadcast);
	}

	@Override
	public void onRemoteBroadcast(AcpBroadcast broadcast) {
		this.remote.add(broadcast);
	}

	@Override
	public Set<String> watchedThreads() {
		return Set.copyOf(this.watched);
	}

	/**
	 * The ids of the remote events of a thread, in the order received.
	 * @param threadId the thread
	 * @return the event ids
	 */
	List<String> remoteEventIds(String threadId) {
		return remoteEvents(threadId).stream().map(Event::id).toList();
	}

	List<Event> remoteEvents(String threadId) {
		return this.remote.stream()
			.filter(EventAppended.class::isInstance)
			.map((broadcast) -> ((EventAppended) broadcast).event())
			.filter((event) -> event.threadId().equals(threadId))
			.toList();
	}

}
