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

package io.github.agentprotocols.benchmarks.acp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.benchmarks.load.EngineIoSockets;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Times each receipt of a posted message by the sockets of one room, from the moment it
 * was posted to the moment a socket read its {@code event}, matching the event to its
 * message by the {@code client_id} it carries.
 */
final class RoomReceipts implements EngineIoSockets.EventListener {

	private static final String CLIENT_ID = "\"client_id\":\"";

	private final int sockets;

	private final Map<String, Expected> expected = new ConcurrentHashMap<>();

	private final AtomicLong missed = new AtomicLong();

	private volatile Histogram latencies = new ConcurrentHistogram(3);

	private volatile int packetLength;

	/**
	 * Create the receipts of a room.
	 * @param sockets how many sockets the room holds
	 */
	RoomReceipts(int sockets) {
		this.sockets = sockets;
	}

	/**
	 * Start recording into a new histogram, with no receipt missed yet.
	 * @return the histogram each receipt's latency is recorded in, ns
	 */
	Histogram record() {
		Histogram histogram = new ConcurrentHistogram(3);
		this.latencies = histogram;
		this.missed.set(0);
		return histogram;
	}

	/**
	 * Expect every socket to receive a message.
	 * @param clientId the message's client id
	 * @param postedNanos {@link System#nanoTime()} when it was posted
	 * @return a stage that completes when every socket received it
	 */
	CompletableFuture<Void> expect(String clientId, long postedNanos) {
		Expected message = new Expected(postedNanos, new AtomicInteger(this.sockets), new CompletableFuture<>());
		this.expected.put(clientId, message);
		return message.everySocket();
	}

	/**
	 * Stop waiting for a message, counting the sockets that did not receive it as missed.
	 * @param clientId the message's client id
	 */
	void abandon(String clientId) {
		Expected message = this.expected.remove(clientId);
		if (message != null) {
			this.missed.addAndGet(Math.max(0, message.remaining().get()));
		}
	}

	/**
	 * How many receipts were missed since recording started.
	 * @return the missed receipts
	 */
	long missed() {
		return this.missed.get();
	}

	/**
	 * The length of the last {@code event} packet read.
	 * @return characters
	 */
	int packetLength() {
		return this.packetLength;
	}

	@Override
	public void received(String packet, long receivedNanos) {
		int start = packet.indexOf(CLIENT_ID);
		if (start < 0) {
			return;
		}
		start += CLIENT_ID.length();
		Expected message = this.expected.get(packet.substring(start, packet.indexOf('"', start)));
		if (message == null) {
			return;
		}
		this.latencies.recordValue(receivedNanos - message.postedNanos());
		this.packetLength = packet.length();
		if (message.remaining().decrementAndGet() == 0) {
			this.expected.values().remove(message);
			message.everySocket().complete(null);
		}
	}

	private record Expected(long postedNanos, AtomicInteger remaining, CompletableFuture<Void> everySocket) {

	}

}
