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

package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a site on a Redis Cluster, logins created on both and approved, when
 * the master that the outcomes are published to (that of the channel's slot) crashes
 * ({@code SIGKILL} of its process; the cluster promotes its replica by itself): every
 * request is answered within a bound, every outcome the LIME API emitted is handled, none
 * that it did not emit, the broadcast reaches both instances again within five seconds of
 * the promotion, long before the node comes back, and every outcome emitted from then on
 * reaches both. Outcomes broadcast in between are counted, not asserted: pub/sub keeps no
 * message for an instance that is not subscribed at that moment.
 */
@UsesRedisCluster
class LimeRedisClusterCrashTests {

	private static final Log logger = LogFactory.getLog(LimeRedisClusterCrashTests.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration LEASE = Duration.ofSeconds(5);

	/** From the promotion until an outcome reaches both instances. */
	private static final Duration RESUMED = Duration.ofSeconds(5);

	/** How long an outcome is given to reach both instances. */
	private static final Duration LIVE = Duration.ofSeconds(1);

	private final RedisCluster cluster = RedisCluster.forFaults();

	private final String nameOfA = "lime-crash-a-" + UUID.randomUUID();

	private final String nameOfB = "lime-crash-b-" + UUID.randomUUID();

	private AutoCloseable hold;

	private FakeLimeApi fake;

	private ClusterInstances instances;

	private RedisCluster.@Nullable Crash crash;

	@BeforeEach
	void start() {
		this.hold = this.cluster.exclusively();
		this.cluster.awaitHealthy();
		this.fake = FakeLimeApi.builder().sseIds(true).replay(true).start();
		this.instances = new ClusterInstances(this.fake, LEASE, this.cluster);
	}

	@AfterEach
	void stop() throws Exception {
		try {
			if (this.crash != null) {
				this.crash.restart(this.cluster);
			}
			this.instances.close();
			this.fake.close();
		}
		finally {
			this.hold.close();
		}
	}

	@Test
	void outcomesReachBothInstancesSoonAfterTheMasterOfTheirChannelCrashes() throws Exception {
		long start = System.nanoTime();
		ConfigurableApplicationContext a = this.instances.start(this.nameOfA, true);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		ConfigurableApplicationContext b = this.instances.start(this.nameOfB, true);
		List<ConfigurableApplicationContext> both = List.of(a, b);
		await().atMost(WAIT).until(() -> RedisServers.of(this.cluster).subscribedBy(this.nameOfB).size() == 1);
		List<String> emitted = new CopyOnWriteArrayList<>();
		emitted.add(login(a, both));
		// Lettuce sends every PUBLISH of the channel to the master of its slot
		String node = this.cluster.masterOf(new RedisKeys(this.instances.prefix).logins());
		emitted.add(login(b, both));

		Map<String, Integer> failures = new ConcurrentHashMap<>();
		AtomicLong longest = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService traffic = Executors.newFixedThreadPool(2);
		long resumed;
		int resumedAt;
		try {
			List<Future<?>> agents = both.stream().<Future<?>>map((creator) -> traffic.submit(() -> {
				while (running.get()) {
					long asked = System.nanoTime();
					try {
						String requestId = site(creator).createLoginRequest().block(WAIT).requestId();
						this.fake.agent().approve(requestId);
						emitted.add(Outcomes.call(requestId, "jwt"));
					}
					catch (RuntimeException ex) {
						failures.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
					}
					longest.accumulateAndGet(System.nanoTime() - asked, Math::max);
					Thread.sleep(100);
				}
				return null;
			})).toList();
			Thread.sleep(1000);
			this.crash = this.cluster.crash(node);
			logger.info("Crashed " + node + ", " + this.crash.promoted() + " promoted "
					+ this.crash.promotion().toMillis() + " ms after the kill");
			resumed = awaitLiveBroadcast(both, emitted);
			resumedAt = emitted.size();
			Thread.sleep(1000);
			running.set(false);
			for (Future<?> agent : agents) {
				agent.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
			}
		}
		finally {
			running.set(false);
			traffic.shutdownNow();
		}
		RedisCluster.Crash crash = this.crash;
		await().atMost(WAIT).until(() -> handled(both).containsAll(emitted));
		assertThat(handled(both)).as("each outcome handled was one the LIME API emitted").allMatch(emitted::contains);
		assertThat(Duration.ofNanos(longest.get())).as("the longest time to create a login request").isLessThan(WAIT);
		assertThat(resumed).as("an outcome reached both instances within %s of the promotion", RESUMED).isPositive();
		Duration resumedAfterPromotion = Duration.ofNanos(resumed - crash.promotedNanos());
		List<String> sinceResumed = List.copyOf(emitted.subList(resumedAt, emitted.size()));
		for (ConfigurableApplicationContext instance : both) {
			await().atMost(WAIT).until(() -> outcomes(instance).broadcasts.containsAll(sinceResumed));
		}
		assertThat(resumedAfterPromotion).as("from the promotion until an outcome reached both instances")
			.isLessThan(RESUMED);
		crash.restart(this.cluster);
		this.crash = null;
		emitted.add(login(b, both));
		assertThat(a.isActive() && b.isActive()).as("neither instance restarted").isTrue();
		logger.info("Crash of " + node + ", the master of the channel: promotion " + crash.promotion().toMillis()
				+ " ms after the kill; both instances heard an outcome again " + resumedAfterPromotion.toMillis()
				+ " ms after the promotion; outcomes emitted " + emitted.size() + ", broadcasts missed "
				+ missed(a, emitted) + " by A, " + missed(b, emitted) + " by B; longest" + " login request "
				+ Duration.ofNanos(longest.get()).toMillis() + " ms; failed calls " + failures + "; test "
				+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
	}

	/**
	 * Logs in through B until an outcome reaches both instances within a second, for at
	 * most {@link #WAIT}.
	 * @return when it did ({@link System#nanoTime()}), or {@code 0} if none did
	 */
	private long awaitLiveBroadcast(List<ConfigurableApplicationContext> both, List<String> emitted)
			throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			LoginRequest request;
			try {
				request = site(both.get(1)).createLoginRequest().block(WAIT);
			}
			catch (RuntimeException ex) {
				Thread.sleep(100);
				continue;
			}
			this.fake.agent().approve(request.requestId());
			String approved = Outcomes.call(request.requestId(), "jwt");
			emitted.add(approved);
			long live = System.nanoTime() + LIVE.toNanos();
			while (System.nanoTime() < live) {
				if (both.stream().allMatch((instance) -> outcomes(instance).broadcasts.contains(approved))) {
					return System.nanoTime();
				}
				Thread.sleep(10);
			}
		}
		return 0;
	}

	/**
	 * A login created on one instance and approved: its outcome is broadcast to both
	 * instances.
	 * @return the outcome
	 */
	private String login(ConfigurableApplicationContext creator, List<ConfigurableApplicationContext> both) {
		LoginRequest request = site(creator).createLoginRequest().block(WAIT);
		this.fake.agent().approve(request.requestId());
		String approved = Outcomes.call(request.requestId(), "jwt");
		for (ConfigurableApplicationContext instance : both) {
			await().atMost(WAIT).until(() -> outcomes(instance).broadcasts.contains(approved));
		}
		return approved;
	}

	private static List<String> handled(List<ConfigurableApplicationContext> instances) {
		List<String> handled = new ArrayList<>();
		instances.forEach((instance) -> handled.addAll(outcomes(instance).handled));
		return handled;
	}

	private static long missed(ConfigurableApplicationContext instance, List<String> outcomes) {
		return outcomes.stream().filter((outcome) -> !outcomes(instance).broadcasts.contains(outcome)).count();
	}

}
