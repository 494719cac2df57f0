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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.pending;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a site on a Redis topology whose masters fail over to their replicas
 * with logins flowing through the LIME event stream: every outcome the LIME API emitted
 * is handled across the instances, the lease moves within the lease time, the pending
 * requests survive, and the broadcast reaches both instances afterwards, without a
 * restart. Where the failover keeps every acknowledged write (a manual
 * {@code CLUSTER FAILOVER} waits until the replica has them), each outcome is handled
 * exactly once, the lease is never held twice and every pending request is kept; where
 * replication may lose the last writes (Sentinel), an outcome may be handled again and a
 * request created in the switch forgotten, and the subclass says so.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class LimeRedisFailoverContractTests {

	private static final Log logger = LogFactory.getLog(LimeRedisFailoverContractTests.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration LEASE = Duration.ofSeconds(5);

	private static final int PENDING = 8;

	private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T");

	private AutoCloseable hold;

	private FakeLimeApi fake;

	private ClusterInstances instances;

	@BeforeEach
	void start() {
		this.hold = exclusively();
		// numbered, replayable events: a new reader resumes where the last one stopped
		this.fake = FakeLimeApi.builder().sseIds(true).replay(true).start();
		this.instances = instances(this.fake, LEASE);
		// each event the dispatcher skips, named in a failure's description
		this.instances.addProperties("logging.level.io.github.agentprotocols.lime.sse.LimeEventDispatcher=debug");
	}

	@AfterEach
	void stop() throws Exception {
		this.instances.close();
		this.fake.close();
		this.hold.close();
	}

	/**
	 * Holds the topology for this test alone.
	 * @return the hold
	 */
	abstract AutoCloseable exclusively();

	/**
	 * Instances of the site on the topology.
	 * @param fake the LIME API
	 * @param lease the lease time
	 * @return the instances
	 */
	abstract ClusterInstances instances(FakeLimeApi fake, Duration lease);

	/**
	 * Fails the topology's masters over, under the traffic, logging what it took.
	 * @param progress what the traffic has done so far, to log
	 */
	abstract void failOver(Supplier<String> progress);

	/**
	 * How many connections subscribe to a channel, over every server of the topology.
	 * @param channel the channel
	 * @return the subscribers
	 */
	abstract long subscribers(String channel);

	/**
	 * Whether the failover keeps every write a master acknowledged.
	 * @return {@code true} where each outcome must be handled exactly once, the lease
	 * never held twice and every pending request kept
	 */
	abstract boolean keepsAcknowledgedWrites();

	@Test
	void mastersFailOverWhileLoginsFlowAndEveryOutcomeIsHandled(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext a = this.instances.start("lime-a", true);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		ConfigurableApplicationContext b = this.instances.start("lime-b", true);
		await().atMost(WAIT).until(() -> broadcastSubscribers() == 2);
		List<ConfigurableApplicationContext> both = List.of(a, b);
		String first = login(a, both);
		List<String> waiting = new CopyOnWriteArrayList<>();
		for (int i = 0; i < PENDING; i++) {
			waiting.add(site(both.get(i % 2)).createLoginRequest().block(WAIT).requestId());
		}

		List<String> emitted = new CopyOnWriteArrayList<>(List.of(first));
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		LeaseWatch lease = new LeaseWatch(a, b, emitted::size, () -> handled(both).size());
		ExecutorService traffic = Executors.newFixedThreadPool(3);
		try {
			Future<?> watching = traffic.submit(() -> lease.watch(running));
			List<Future<?>> agents = both.stream().<Future<?>>map((creator) -> traffic.submit(() -> {
				int n = 0;
				while (running.get()) {
					String requestId;
					try {
						requestId = site(creator).createLoginRequest().block(WAIT).requestId();
					}
					catch (RuntimeException ex) {
						failures.merge("create: " + ex.getClass().getSimpleName(), 1, Integer::sum);
						continue;
					}
					if (++n % 5 == 0) {
						// left pending: remembered while a master failed over
						waiting.add(requestId);
					}
					else if (n % 5 == 4) {
						assertThat(this.fake.expire(requestId)).isTrue();
						emitted.add(Outcomes.call(requestId, null));
					}
					else {
						this.fake.agent().approve(requestId);
						emitted.add(Outcomes.call(requestId, "jwt"));
					}
				}
			})).toList();
			long started = System.nanoTime();
			List<String> waitingBefore = List.copyOf(waiting);
			failOver(() -> "outcomes emitted so far " + emitted.size() + ", handled " + handled(both).size());
			long failedOver = System.nanoTime();
			Thread.sleep(1000);
			running.set(false);
			long stopped = System.nanoTime();
			for (Future<?> agent : agents) {
				agent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			watching.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			await().atMost(WAIT).until(() -> handled(both).size() >= emitted.size());
			long caughtUp = System.nanoTime();
			// pub/sub is fire-and-forget: the outcomes broadcast during the failovers are
			// counted, not asserted
			long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (!heardByBoth(both, emitted) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			logger.info("Failovers took " + (failedOver - started) / 1_000_000 + " ms; outcomes emitted "
					+ emitted.size() + ", handled " + handled(both).size() + " (" + outcomes(a).handled.size()
					+ " by A, " + outcomes(b).handled.size() + " by B), all handled " + (caughtUp - stopped) / 1_000_000
					+ " ms after the traffic stopped, longest stall " + lease.longestStall.get() / 1_000_000
					+ " ms; broadcasts missed " + missed(a, emitted) + " by A, " + missed(b, emitted) + " by B; lease "
					+ lease + "; failed calls " + failures);

			assertThat(emitted).as("logins went through during the failovers").hasSizeGreaterThan(10);
			Thread.sleep(500);
			if (keepsAcknowledgedWrites()) {
				assertThat(handled(both))
					.as("each outcome the LIME API emitted handled exactly once across the instances")
					.containsExactlyInAnyOrderElementsOf(emitted);
				assertThat(lease.both.get()).as("samples where both instances held the lease").isZero();
			}
			else {
				List<String> handled = handled(both);
				List<String> unhandled = emitted.stream().filter((outcome) -> !handled.contains(outcome)).toList();
				assertThat(unhandled)
					.as(() -> "outcomes the LIME API emitted that no instance handled; the instances logged of them: "
							+ logged(output, unhandled))
					.isEmpty();
				assertThat(handled.stream().filter((outcome) -> !emitted.contains(outcome)))
					.as("outcomes handled that the LIME API did not emit")
					.isEmpty();
				logger.info("Outcomes handled again after the failover: " + (handled(both).size() - emitted.size())
						+ "; samples where both instances held the lease: " + lease.both.get());
			}
			assertThat(Duration.ofNanos(lease.longestGap.get())).as("longest time without a holder")
				.isLessThan(LEASE.plusSeconds(2));
			if (keepsAcknowledgedWrites()) {
				assertThat(pending(a))
					.as(() -> "the pending requests survived; the site could not store: " + unstored(output))
					.containsAll(waiting);
			}
			else {
				assertThat(pending(a)).as("the pending requests created before the failover survived")
					.containsAll(waitingBefore);
				logger.info("Pending requests created during the failover and lost with it: "
						+ waiting.stream().filter((id) -> !pending(a).contains(id)).count() + " of "
						+ (waiting.size() - waitingBefore.size()));
			}
			assertThat(failures).as("calls that failed during the failovers").isEmpty();
			login(b, both);
			if (keepsAcknowledgedWrites()) {
				assertThat(leads(a) ^ leads(b)).as("one instance holds the lease").isTrue();
			}
			else {
				// a lease lost with the switch: the old holder learns it at its next
				// renewal
				await().atMost(LEASE.plus(WAIT)).until(() -> leads(a) ^ leads(b));
			}
			assertThat(a.isActive() && b.isActive()).isTrue();
		}
		finally {
			running.set(false);
			traffic.shutdownNow();
		}
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

	/**
	 * How many connections listen to the channel of login outcomes, over every node of
	 * the cluster (each counts only its own subscribers).
	 */
	private long broadcastSubscribers() {
		return subscribers(new RedisKeys(this.instances.prefix).logins());
	}

	/**
	 * The site's warnings that it could not remember a request as pending, each with the
	 * line of its cause.
	 */
	private static List<String> unstored(CapturedOutput output) {
		List<String> lines = output.getOut().lines().toList();
		List<String> unstored = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.contains("Could not remember login request")) {
				String rootCause = "";
				for (int j = i + 1; j < lines.size() && !LOG_LINE.matcher(lines.get(j)).find(); j++) {
					rootCause = lines.get(j).startsWith("Caused by") ? lines.get(j) : rootCause;
				}
				unstored.add(line.substring(line.indexOf("Could not")) + " " + rootCause);
			}
		}
		return unstored;
	}

	/**
	 * The lines of the output that name the login requests of some outcomes.
	 */
	private static String logged(CapturedOutput output, List<String> outcomes) {
		List<String> requestIds = outcomes.stream()
			.map((outcome) -> outcome.substring(0, outcome.indexOf(' ')))
			.toList();
		return output.getOut()
			.lines()
			.filter((line) -> requestIds.stream().anyMatch(line::contains))
			.collect(Collectors.joining(System.lineSeparator(), System.lineSeparator(), ""));
	}

	private static List<String> handled(List<ConfigurableApplicationContext> instances) {
		List<String> handled = new ArrayList<>();
		instances.forEach((instance) -> handled.addAll(outcomes(instance).handled));
		return handled;
	}

	private static boolean heardByBoth(List<ConfigurableApplicationContext> instances, List<String> outcomes) {
		return instances.stream().allMatch((instance) -> missed(instance, outcomes) == 0);
	}

	private static long missed(ConfigurableApplicationContext instance, List<String> outcomes) {
		return outcomes.stream().filter((outcome) -> !outcomes(instance).broadcasts.contains(outcome)).count();
	}

	static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/**
	 * Samples which instance holds the lease (how often both did, the longest time none
	 * did) and the outcomes not handled yet (the longest time their handling made no
	 * progress).
	 */
	private static final class LeaseWatch {

		private final ConfigurableApplicationContext a;

		private final ConfigurableApplicationContext b;

		final AtomicInteger both = new AtomicInteger();

		final AtomicInteger moves = new AtomicInteger();

		final AtomicLong longestGap = new AtomicLong();

		final AtomicLong longestStall = new AtomicLong();

		private final IntSupplier emitted;

		private final IntSupplier handled;

		LeaseWatch(ConfigurableApplicationContext a, ConfigurableApplicationContext b, IntSupplier emitted,
				IntSupplier handled) {
			this.a = a;
			this.b = b;
			this.emitted = emitted;
			this.handled = handled;
		}

		Void watch(AtomicBoolean running) throws InterruptedException {
			long noneSince = 0;
			Boolean lastHolderA = null;
			long progressed = System.nanoTime();
			int lastHandled = 0;
			while (running.get()) {
				int handled = this.handled.getAsInt();
				if (handled > lastHandled || handled >= this.emitted.getAsInt()) {
					progressed = System.nanoTime();
				}
				else {
					this.longestStall.accumulateAndGet(System.nanoTime() - progressed, Math::max);
				}
				lastHandled = handled;
				boolean leadsA = leads(this.a);
				boolean leadsB = leads(this.b);
				long now = System.nanoTime();
				if (leadsA && leadsB) {
					this.both.incrementAndGet();
				}
				if (leadsA || leadsB) {
					if (noneSince != 0) {
						this.longestGap.accumulateAndGet(now - noneSince, Math::max);
						noneSince = 0;
					}
					if (lastHolderA != null && lastHolderA != leadsA) {
						this.moves.incrementAndGet();
					}
					lastHolderA = leadsA;
				}
				else if (noneSince == 0) {
					noneSince = now;
				}
				Thread.sleep(20);
			}
			if (noneSince != 0) {
				this.longestGap.accumulateAndGet(System.nanoTime() - noneSince, Math::max);
			}
			return null;
		}

		@Override
		public String toString() {
			return "moved " + this.moves + " times, held by both in " + this.both + " samples, longest without holder "
					+ this.longestGap.get() / 1_000_000 + " ms";
		}

	}

}
