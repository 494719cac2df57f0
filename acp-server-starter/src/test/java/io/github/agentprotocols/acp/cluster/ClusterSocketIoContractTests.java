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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.agentprotocols.acp.socketio.TestSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application, A and B, end to end: alice's Socket.IO client (the
 * Java {@code socket.io-client}, over WebSocket) connected to A and joined to a thread
 * receives what B commits, through its REST API and its runs, in log order, each event
 * once. The thread is created through A, so that nothing of B's reaches A before the
 * join. Subclasses start the instances on a transport.
 */
abstract class ClusterSocketIoContractTests {

	private final List<TestSocket> sockets = new ArrayList<>();

	abstract ClusterInstance a();

	abstract ClusterInstance b();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(TestSocket::close);
	}

	@Test
	void socketOnAReceivesWhatBCommitsThroughRestAndRunsInLogOrderEachOnce() throws Exception {
		String thread = a().createThread("alice");
		Joined joined = joinOnA(thread);
		postConcurrently(b(), thread, 4, 5);
		String run = b().invoke("alice", thread, "echo");
		joined.socket()
			.awaitReceived("run:updated", (update) -> update.get("id").stringValue().equals(run)
					&& update.get("status").stringValue().equals("completed"));
		assertReceivedOnceInLogOrder(joined, b());
		assertThat(joined.socket().received("run:updated")).map((update) -> update.get("status").stringValue())
			.containsExactly("pending", "running", "completed");
		assertThat(joined.socket().received("event")).filteredOn((event) -> run.equals(event.path("run_id").asString()))
			.map((event) -> event.get("type").stringValue())
			.containsExactly("run.started", "message", "run.completed");
	}

	/**
	 * Connects alice's socket to A and joins the thread, which replays nothing.
	 * @param thread the thread
	 * @return the socket and the thread's log at the join
	 */
	Joined joinOnA(String thread) {
		TestSocket socket = TestSocket.open(a().url(), "websocket", "alice").connected();
		this.sockets.add(socket);
		JsonNode ack = socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
		assertThat(ack.get("replayed").isEmpty()).as(ack.toString()).isTrue();
		return new Joined(socket, thread, a().eventIds("alice", thread));
	}

	/**
	 * Posts messages to a thread from several clients at once.
	 */
	static void postConcurrently(ClusterInstance instance, String thread, int clients, int messages) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> posts = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int number = client;
				posts.add(executor.submit(() -> {
					for (int i = 0; i < messages; i++) {
						instance.postMessage("alice", thread, "client " + number + " message " + i);
					}
				}));
			}
			for (Future<?> post : posts) {
				post.get();
			}
		}
		finally {
			executor.shutdown();
		}
	}

	/**
	 * Posts a last message through an instance and waits for it on the socket; then the
	 * socket must have received every event the thread logged after the join, in log
	 * order, each once: the instances relay one sender's broadcasts in order, so a
	 * duplicate or a gap would have arrived before the last message.
	 */
	static void assertReceivedOnceInLogOrder(Joined joined, ClusterInstance writer) {
		String last = writer.postMessage("alice", joined.thread(), "last").get("id").stringValue();
		joined.socket().awaitReceived("event", (event) -> event.get("id").stringValue().equals(last));
		List<String> log = new ArrayList<>(writer.eventIds("alice", joined.thread()));
		log.removeAll(joined.before());
		assertThat(joined.socket().received("event")).map((event) -> event.get("id").stringValue())
			.containsExactlyElementsOf(log);
	}

	/**
	 * A socket joined to a thread, and the ids of the events the thread had then.
	 */
	record Joined(TestSocket socket, String thread, List<String> before) {

	}

}
