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

package io.github.agentprotocols.acp.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;

/**
 * An {@link AcpBroadcastListener} for tests (spec §9, the recording broadcaster): it
 * records every notification the funnel delivers, in the order received. Declare it as a
 * bean in a test configuration and assert what a handler or a request broadcast, without
 * a Socket.IO client.
 */
public class RecordingBroadcastListener implements AcpBroadcastListener {

	private final List<AcpBroadcast> received = new CopyOnWriteArrayList<>();

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		this.received.add(broadcast);
	}

	/**
	 * Everything received.
	 * @return the notifications, in order
	 */
	public List<AcpBroadcast> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Everything received for a thread.
	 * @param threadId the thread
	 * @return the notifications, in order
	 */
	public List<AcpBroadcast> received(String threadId) {
		return this.received.stream().filter((broadcast) -> broadcast.threadId().equals(threadId)).toList();
	}

	/**
	 * The kinds of notifications a thread received, in order: the event type of an
	 * appended event, else the notification's name ({@code RunUpdated},
	 * {@code ThreadRemoved}, …).
	 * @param threadId the thread
	 * @return the kinds, in order
	 */
	public List<String> kinds(String threadId) {
		return received(threadId).stream()
			.map((broadcast) -> (broadcast instanceof AcpBroadcast.EventAppended appended)
					? appended.event().type().wireName() : broadcast.getClass().getSimpleName())
			.toList();
	}

	/**
	 * The events received for a thread.
	 * @param threadId the thread
	 * @return the events, in order
	 */
	public List<Event> events(String threadId) {
		return this.received.stream()
			.filter(AcpBroadcast.EventAppended.class::isInstance)
			.map((broadcast) -> ((AcpBroadcast.EventAppended) broadcast).event())
			.filter((event) -> event.threadId().equals(threadId))
			.toList();
	}

	/**
	 * The {@code run:updated} notifications received.
	 * @return the runs, in order
	 */
	public List<Run> runUpdates() {
		return this.received.stream()
			.filter(AcpBroadcast.RunUpdated.class::isInstance)
			.map((broadcast) -> ((AcpBroadcast.RunUpdated) broadcast).run())
			.toList();
	}

	/**
	 * The {@code run:updated} notifications received for a thread.
	 * @param threadId the thread
	 * @return the runs, in order
	 */
	public List<Run> runUpdates(String threadId) {
		return runUpdates().stream().filter((run) -> run.threadId().equals(threadId)).toList();
	}

	/**
	 * The statuses a run was broadcast with.
	 * @param runId the run
	 * @return the statuses, in order
	 */
	public List<RunStatus> statusesOf(String runId) {
		return runUpdates().stream().filter((run) -> run.id().equals(runId)).map(Run::status).toList();
	}

	/**
	 * Forgets everything received so far.
	 */
	public void clear() {
		this.received.clear();
	}

}
