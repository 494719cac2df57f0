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

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.agentprotocols.benchmarks.baseline.SocketIoRoomServer;
import io.github.agentprotocols.benchmarks.load.EngineIoSockets;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.Operation;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Sockets joined to one thread's room, and the POST that sends the thread a message: the
 * fan-out benchmarks' unit. The sockets are {@link EngineIoSockets} on
 * {@value #CLIENT_THREADS} client threads; joining measures how long they took, and what
 * the serving process gained in file descriptors and, where known, heap.
 */
final class FanOutRoom implements AutoCloseable {

	private static final int CLIENT_THREADS = 2;

	private static final String BODY = "{\"client_id\":\"%s\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}";

	private static final long MESSAGE_TIMEOUT_SECONDS = 30;

	private final EngineIoSockets sockets;

	private final RoomReceipts receipts;

	private final Operation post;

	private final String name;

	private final Connection connection;

	private FanOutRoom(EngineIoSockets sockets, RoomReceipts receipts, Operation post, String name,
			Connection connection) {
		this.sockets = sockets;
		this.receipts = receipts;
		this.post = post;
		this.name = name;
		this.connection = connection;
	}

	/**
	 * Connect sockets and join them to a thread's room.
	 * @param client the client of the POSTs
	 * @param port the Socket.IO server's port
	 * @param threadId the thread
	 * @param messages the URI of the thread's messages, {@code %s} for the thread's id
	 * @param name the room's name, the prefix of its messages' client ids
	 * @param count how many sockets
	 * @param server the process serving the sockets
	 * @return the joined room
	 */
	static FanOutRoom join(HttpClient client, int port, String threadId, String messages, String name, int count,
			RoomServer server) {
		RoomReceipts receipts = new RoomReceipts(count);
		long descriptors = AcpReconnectStorm.descriptors(server.process().pid());
		long heap = server.heap();
		ProcessorTime processorTime = ProcessorTime.of(server.process().pid());
		long start = System.nanoTime();
		EngineIoSockets sockets = EngineIoSockets.connect(URI.create("ws://127.0.0.1:" + port + "/socket.io/"), count,
				CLIENT_THREADS, receipts);
		long connected = System.nanoTime();
		sockets.emitFromEach(SocketIoRoomServer.JOIN, "{\"thread_id\":\"" + threadId + "\"}");
		long nanos = System.nanoTime() - start;
		long processorNanos = processorTime.elapsedNanos();
		long descriptorsGained = AcpReconnectStorm.descriptors(server.process().pid()) - descriptors;
		long heapGained = (heap < 0) ? -1 : server.heap() - heap;
		Connection connection = new Connection(count, nanos, connected - start, processorNanos, descriptorsGained,
				heapGained, server.inProcess());
		URI uri = URI.create(String.format(messages, threadId));
		AtomicLong sent = new AtomicLong();
		Operation post = () -> {
			String clientId = name + "-" + sent.getAndIncrement();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, clientId)))
				.build();
			CompletableFuture<Void> received = receipts.expect(clientId, System.nanoTime());
			return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose((response) -> {
				if (response.statusCode() != 201) {
					throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
				}
				return received;
			}).orTimeout(MESSAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((done, failure) -> {
				if (failure != null) {
					receipts.abandon(clientId);
				}
			});
		};
		return new FanOutRoom(sockets, receipts, post, name, connection);
	}

	/**
	 * The heap in use in this process after full collections.
	 * @return the bytes
	 */
	static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	Connection connection() {
		return this.connection;
	}

	/**
	 * The length of the event packets the sockets read.
	 * @return the characters of one
	 */
	int packetLength() {
		return this.receipts.packetLength();
	}

	void printConnection() {
		Connection connection = this.connection;
		String heap = (connection.heapBytes() < 0) ? "not measured"
				: String.format("%.1f KiB per socket", connection.heapBytes() / 1024.0 / connection.sockets());
		System.out.printf(
				"%s: %d sockets connected and joined in %.2f s (%.0f/s; connected in %.2f s); on the server's side "
						+ "%.1f microseconds of processor time and %.2f descriptors per socket, heap %s (%s)%n",
				this.name, connection.sockets(), connection.nanos() / 1e9, connection.perSecond(),
				connection.connectNanos() / 1e9, connection.processorNanos() / 1e3 / connection.sockets(),
				connection.serverDescriptors(), heap,
				connection.inProcess() ? "this process: client and server ends" : "the server's process");
	}

	/**
	 * POST messages to the thread, timing each socket's receipt of each.
	 * @param name the report's name
	 * @param driver the driver, with its number in flight
	 * @param messages how many messages
	 * @return the report of every receipt
	 * @throws Exception if the driver fails
	 */
	LatencyReport deliver(String name, LoadDriver driver, int messages) throws Exception {
		Histogram latencies = this.receipts.record();
		long start = System.nanoTime();
		driver.run(name, messages, this.post);
		return LatencyReport.of(name, latencies, this.receipts.missed(), System.nanoTime() - start);
	}

	@Override
	public void close() {
		this.sockets.close();
	}

	/**
	 * The process serving a room's sockets.
	 *
	 * @param process the process, whose open file descriptors are counted
	 * @param heapProbe the heap it uses after full collections, in bytes; {@code null}
	 * where it cannot be measured
	 */
	record RoomServer(ProcessHandle process, @Nullable LongSupplier heapProbe) {

		/**
		 * This process, the server's ends and the client's counted together.
		 * @return the server
		 */
		static RoomServer thisProcess() {
			return new RoomServer(ProcessHandle.current(), FanOutRoom::usedHeap);
		}

		long heap() {
			return (this.heapProbe != null) ? this.heapProbe.getAsLong() : -1;
		}

		boolean inProcess() {
			return this.process.equals(ProcessHandle.current());
		}

	}

	/**
	 * How a room's sockets connected.
	 *
	 * @param sockets how many
	 * @param nanos the time they took to connect and join
	 * @param connectNanos the part of it they took to connect, before joining
	 * @param processorNanos the processor time the server's process spent meanwhile (in
	 * this process, the client ends' too)
	 * @param descriptors the file descriptors the server's process gained
	 * @param heapBytes the heap the server's process gained after a full collection (in
	 * this process, the client ends too), {@code -1} where not measured
	 * @param inProcess whether the server runs in this process, whose descriptors count
	 * the client's end of each socket too
	 */
	record Connection(int sockets, long nanos, long connectNanos, long processorNanos, long descriptors, long heapBytes,
			boolean inProcess) {

		double perSecond() {
			return this.sockets / (this.nanos / 1e9);
		}

		double serverDescriptors() {
			return (double) this.descriptors / this.sockets - (this.inProcess ? 1 : 0);
		}

	}

}
