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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcast.MembersUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.RunUpdated;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadUpdated;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.github.agentprotocols.acp.wire.AcpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one application, A and B, on one store: what is committed through A
 * reaches B's room emitter, in order, each once. Subclasses start the instances on a
 * transport.
 */
abstract class ClusterContractTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	abstract ClusterInstance a();

	abstract ClusterInstance b();

	@Test
	void messagePostedToAReachesTheRoomEmitterOfBOnly() {
		String thread = a().createThread("alice");
		JsonNode posted = a().postMessage("alice", thread, "hello");
		await().atMost(WAIT).until(() -> b().emitter().remoteEventIds(thread).contains(posted.get("id").stringValue()));
		assertThat(a().emitter().remoteEventIds(thread)).isEmpty();
		assertThat(a().emitter().local).isNotEmpty();
		assertThat(b().relay().node()).isNotEqualTo(a().relay().node());
	}

	@Test
	void fiftyMessagesFromFiveClientsArriveAtBInLogOrderEachOnce() throws Exception {
		String thread = a().createThread("alice");
		ExecutorService clients = Executors.newFixedThreadPool(5);
		try {
			List<Future<?>> posts = new ArrayList<>();
			for (int client = 0; client < 5; client++) {
				int number = client;
				posts.add(clients.submit(() -> {
					for (int i = 0; i < 10; i++) {
						a().postMessage("alice", thread, "client " + number + " message " + i);
					}
				}));
			}
			for (Future<?> post : posts) {
				post.get();
			}
		}
		finally {
			clients.shutdown();
		}
		List<String> log = a().eventIds("alice", thread);
		assertThat(log).hasSize(52);
		await().atMost(WAIT).until(() -> b().emitter().remoteEventIds(thread).size() >= log.size());
		assertThat(b().emitter().remoteEventIds(thread)).containsExactlyElementsOf(log);
	}

	@Test
	void messageOverTheNotificationLimitArrivesWhole() {
		String thread = a().createThread("alice");
		JsonNode posted = a().postMessage("alice", thread, "é".repeat(5_000));
		assertThat(posted.toString().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(8_000);
		String id = posted.get("id").stringValue();
		await().atMost(WAIT).until(() -> b().emitter().remoteEventIds(thread).contains(id));
		Event received = b().emitter().remoteEvents(thread).stream().filter((e) -> e.id().equals(id)).findFirst().get();
		assertThat(AcpJson.toTree(received)).isEqualTo(posted);
	}

	@Test
	void runUpdatesThreadUpdatesAndMemberListsArrive() {
		String thread = a().createThread("alice");
		String run = a().send("alice", "POST", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"echo\"]}")
			.get("runs")
			.get(0)
			.get("id")
			.stringValue();
		a().send("alice", "PATCH", "/threads/" + thread, "{\"metadata\":{\"topic\":\"weather\"}}");
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(remote(b(), thread, RunUpdated.class)).map((update) -> update.run().status())
						.containsExactly(RunStatus.PENDING, RunStatus.RUNNING, RunStatus.COMPLETED));
		assertThat(remote(b(), thread, RunUpdated.class)).allMatch((update) -> update.run().id().equals(run));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(remote(b(), thread, ThreadUpdated.class))
				.anyMatch((update) -> "weather".equals(update.thread().metadata().get("topic"))));
		assertThat(remote(b(), thread, MembersUpdated.class)).last()
			.extracting(MembersUpdated::members)
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Identity.class))
			.extracting(Identity::id)
			.containsExactly("alice", "echo");
	}

	@Test
	void plainListenersOfBNeverSeeTheBroadcastsOfA() {
		String thread = a().createThread("alice");
		JsonNode posted = a().postMessage("alice", thread, "counted once");
		await().atMost(WAIT).until(() -> b().emitter().remoteEventIds(thread).contains(posted.get("id").stringValue()));
		assertThat(b().bean(RecordingBroadcastListener.class).received())
			.noneMatch((broadcast) -> broadcast.threadId().equals(thread));
		assertThat(a().bean(RecordingBroadcastListener.class).received())
			.anyMatch((broadcast) -> broadcast.threadId().equals(thread));
	}

	static <T extends AcpBroadcast> List<T> remote(ClusterInstance instance, String thread, Class<T> type) {
		return instance.emitter().remote.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((broadcast) -> broadcast.threadId().equals(thread))
			.toList();
	}

}
