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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances relaying over a Redis Cluster, a Socket.IO client on each and messages
 * posted through both, when a node under a relay crashes ({@code SIGKILL} of its process,
 * as a machine failure; the cluster promotes its replica by itself): the node that one
 * instance publishes on, then the node that one instance subscribes on (each found by the
 * instances' client names, and made a master first if it was a replica, so that the crash
 * is one of a master). Every post is answered with its event or the retryable error, none
 * left hanging; delivery between the instances resumes within five seconds of the
 * promotion, long before the node comes back; both sockets end with every acknowledged
 * event, each once; both relays listen again, before and after the node is started again
 * (as a replica).
 */
@UsesRedisCluster
@UsesPostgres
@TestInstance(Lifecycle.PER_CLASS)
class RedisClusterCrashTests {

	private static final Duration PACE = Duration.ofMillis(100);

	private static final Duration TRAFFIC_AROUND = Duration.ofSeconds(1);

	/**
	 * From the promotion until a post through either instance reaches the other's socket.
	 */
	private static final Duration RESUMED = Duration.ofSeconds(5);

	/** How long a post is given to reach the other instance's socket. */
	private static final Duration LIVE = Duration.ofSeconds(1);

	/** Far beyond what the relays need, far below the time the node stays down. */
	private static final Duration WAIT = Duration.ofSeconds(20);

	private final RedisCluster cluster = RedisCluster.forFaults();

	private final AcpTestDatabase database = AcpTestDatabase.create(getClass());

	private final String clientNameOfA = "acp-crash-a-" + UUID.randomUUID();

	private final String clientNameOfB = "acp-crash-b-" + UUID.randomUUID();

	private final List<TestSocket> sockets = new ArrayList<>();

	private AutoCloseable hold;

	private ClusterInstance a;

	private ClusterInstance b;

	private RedisCluster.@Nullable Crash crash;

	@BeforeAll
	void startInstances() {
		this.hold = this.cluster.exclusively();
		this.cluster.awaitHealthy();
		this.a = start(this.clientNameOfA);
		this.b = start(this.clientNameOfB);
	}

	@AfterEach
	void restartTheNode() {
		this.sockets.forEach(TestSocket::close);
		this.sockets.clear();
		if (this.crash != null) {
			this.crash.restart(this.cluster);
			this.crash = null;
		}
	}

	@AfterAll
	void stopInstances() throws Exception {
		try {
			this.a.close();
			this.b.close();
			this.database.close();
		}
		finally {
			this.hold.close();
		}
	}

	@Test
	void socketsOnBothInstancesGetEveryAcknowledgedEventWhenTheNodeAnInstancePublishesOnCrashes() throws Exception {
		List<String> publishing = RedisServers.of(this.cluster).lastCommandBy(this.clientNameOfA, "publish");
		assertThat(publishing).as("the node of A's publishing connection").hasSize(1);
		crashAndRecover(publishing.get(0), "A publishes on");
	}

	@Test
	void socketsOnBothInstancesGetEveryAcknowledgedEventWhenTheNodeAnInstanceSubscribesOnCrashes() throws Exception {
		RedisServers nodes = RedisServers.of(this.cluster);
		List<String> publishing = Stream.of(this.clientNameOfA, this.clientNameOfB)
			.flatMap((name) -> nodes.lastCommandBy(name, "publish").stream())
			.toList();
		List<String> subscribed = Stream.of(this.clientNameOfA, this.clientNameOfB)
			.flatMap((name) -> nodes.subscribedBy(name).stream())
			.toList();
		assertThat(subscribed).as("one subscription per relay").hasSize(2);
		// one that carries no publishing, where there is one: the publishing has a test
		String node = subscribed.stream()
			.filter((subscription) -> !publishing.contains(subscription))
			.findFirst()
			.orElse(subscribed.get(0));
		crashAndRecover(node, "a relay subscribes on");
	}

	private void crashAndRecover(String node, String role) throws Exception {
		ClusterInstance a = this.a;
		ClusterInstance b = this.b;
		long start = System.nanoTime();
		this.cluster.promote(node);
		String thread = a.createThread("alice");
		List<String> before = a.eventIds("alice", thread);
		TestSocket onA = join(a, thread);
		TestSocket onB = join(b, thread);
		MessageTraffic traffic = new MessageTraffic(a, b, thread, PACE);
		List<String> probes = new ArrayList<>();
		long resumed;
		try {
			Thread.sleep(TRAFFIC_AROUND.toMillis());
			this.crash = this.cluster.crash(node);
			resumed = awaitLiveDelivery(thread, onA, onB, probes);
			Thread.sleep(TRAFFIC_AROUND.toMillis());
		}
		finally {
			traffic.stop();
		}
		RedisCluster.Crash crash = this.crash;
		assertThat(traffic.outcomes()).as("every post answered with its event or the retryable error")
			.allSatisfy((outcome) -> {
				if (outcome.id() == null) {
					outcome.isRetryableError();
				}
			});
		List<String> acknowledged = new ArrayList<>(traffic.acknowledged());
		acknowledged.addAll(probes);
		assertThat(traffic.acknowledged()).isNotEmpty();
		long stopped = System.nanoTime();
		for (TestSocket socket : List.of(onA, onB)) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(eventIds(socket)).as((socket == onA) ? "socket on A" : "socket on B")
					.containsAll(acknowledged));
		}
		double delivered = seconds(System.nanoTime() - stopped);
		List<String> all = a.eventIds("alice", thread);
		List<String> log = new ArrayList<>(all);
		log.removeAll(before);
		// every event after the join, each once; an event of the thread from before the
		// join may come too: a relay that lost its channel to the promotion catches up on
		// it once it listens again, after the sockets joined
		for (TestSocket socket : List.of(onA, onB)) {
			assertThat(eventIds(socket)).as((socket == onA) ? "socket on A" : "socket on B")
				.doesNotHaveDuplicates()
				.containsAll(log)
				.isSubsetOf(all);
		}
		assertThat(resumed).as("delivery resumed within %s of the promotion", RESUMED).isPositive();
		double resumedAfterPromotion = seconds(resumed - crash.promotedNanos());
		assertThat(resumedAfterPromotion).as("seconds from the promotion until delivery resumed")
			.isLessThan(RESUMED.toSeconds());
		await().atMost(WAIT).until(() -> a.relay().isListening() && b.relay().isListening());
		crash.restart(this.cluster);
		this.crash = null;
		await().atMost(WAIT).until(() -> a.relay().isListening() && b.relay().isListening());
		assertThat(a.isRunning() && b.isRunning()).as("neither instance restarted").isTrue();
		System.out
			.printf("%s: crash of %s, the node %s: promotion %.1f s after the kill, delivery resumed %.1f s after the"
					+ " promotion (%.1f s after the kill); %d posts, %d acknowledged; relays not listening A %.1f s,"
					+ " B %.1f s; every acknowledged event on both sockets %.1f s after the traffic stopped;"
					+ " test %.1f s%n", getClass().getSimpleName(), node, role,
					seconds(crash.promotedNanos() - crash.killedNanos()), resumedAfterPromotion,
					seconds(resumed - crash.killedNanos()), traffic.outcomes().size(), traffic.acknowledged().size(),
					traffic.secondsNotListeningOfA(), traffic.secondsNotListeningOfB(), delivered,
					seconds(System.nanoTime() - start));
	}

	/**
	 * Posts through A and through B until each post reaches the other instance's socket
	 * within a second, for at most {@link #WAIT}.
	 * @return when both arrived ({@link System#nanoTime()}), or {@code 0} if they never
	 * did
	 */
	private long awaitLiveDelivery(String thread, TestSocket onA, TestSocket onB, List<String> probes)
			throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		for (int i = 0; System.nanoTime() < deadline; i++) {
			String fromA = this.a.postMessage("alice", thread, "probe A " + i).get("id").stringValue();
			String fromB = this.b.postMessage("alice", thread, "probe B " + i).get("id").stringValue();
			probes.add(fromA);
			probes.add(fromB);
			long live = System.nanoTime() + LIVE.toNanos();
			while (System.nanoTime() < live) {
				if (eventIds(onB).contains(fromA) && eventIds(onA).contains(fromB)) {
					return System.nanoTime();
				}
				Thread.sleep(10);
			}
		}
		return 0;
	}

	private ClusterInstance start(String clientName) {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + this.database.r2dbcUrl(), "spring.data.redis.client-name=" + clientName,
				"acp.cluster.transport=redis", this.cluster.connectionProperty());
	}

	private TestSocket join(ClusterInstance instance, String thread) {
		TestSocket socket = TestSocket.open(instance.url(), "websocket", "alice").connected();
		this.sockets.add(socket);
		assertThat(socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}").get("replayed").isEmpty()).isTrue();
		return socket;
	}

	private static List<String> eventIds(TestSocket socket) {
		return socket.received("event").stream().map((event) -> event.get("id").stringValue()).toList();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
