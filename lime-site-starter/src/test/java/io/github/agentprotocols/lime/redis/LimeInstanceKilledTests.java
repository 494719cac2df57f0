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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.ApplicationProcess;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.pending;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a site on one Redis (a server of the test's own) while logins flow
 * through the LIME event stream; the reader, a JVM of its own, is killed with
 * {@code SIGKILL} (no release of the lease): the other instance takes the lease within
 * the lease time, delivers the events the killed reader had taken on and not recorded as
 * handled, and resumes the stream where the recorded {@code Last-Event-ID} left it: every
 * outcome the LIME API emitted is handled, none lost; an outcome is handled by both only
 * if it was in flight at the kill (at least once); the pending requests survive.
 */
@SpecItem("LIME-8.7")
@UsesRedisProcess
class LimeInstanceKilledTests {

	private static final Log logger = LogFactory.getLog(LimeInstanceKilledTests.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration LEASE = Duration.ofSeconds(3);

	private FakeLimeApi fake;

	private ClusterInstances instances;

	private RedisServerProcess redis;

	private ApplicationProcess victim;

	@BeforeEach
	void start() {
		// numbered, replayable events: a new reader resumes where the last one stopped
		this.fake = FakeLimeApi.builder().sseIds(true).replay(true).start();
		this.redis = RedisServerProcess.start();
		this.instances = new ClusterInstances(this.fake, LEASE, this.redis);
	}

	@AfterEach
	void stop() {
		if (this.victim != null) {
			this.victim.close();
		}
		this.instances.close();
		this.fake.close();
		this.redis.close();
	}

	@Test
	void leaseOfAKilledReaderMovesWithinTheLeaseTimeAndNoOutcomeIsHandledTwice() throws Exception {
		this.victim = ApplicationProcess.start("lime-victim", KilledSiteApplication.class,
				"spring.main.web-application-type=none", "spring.main.banner-mode=off", "lime.store.type=redis",
				"lime.store.key-prefix=" + this.instances.prefix, "lime.cluster.lease-ttl=" + LEASE.toMillis() + "ms",
				"lime.site.api-base=" + this.fake.baseUrl(), "lime.site.token=" + this.fake.siteToken(),
				"lime.site.sse.backoff-base=20ms", "lime.site.sse.max-backoff=100ms",
				"spring.data.redis.url=" + this.redis.url(), "spring.data.redis.client-name=lime-victim");
		await().atMost(WAIT).until(() -> this.fake.openStreams() == 1);
		ConfigurableApplicationContext survivor = this.instances.start("lime-survivor", true);
		assertThat(leads(survivor)).as("the survivor is the standby").isFalse();

		List<String> emitted = new CopyOnWriteArrayList<>();
		List<String> waiting = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		CompletableFuture<Void> logins = CompletableFuture.runAsync(() -> {
			for (int n = 1; running.get(); n++) {
				String requestId = site(survivor).createLoginRequest().block(WAIT).requestId();
				if (n % 5 == 0) {
					waiting.add(requestId);
				}
				// counted before it is emitted: a claim is never of an outcome not
				// counted yet
				else if (n % 5 == 4) {
					emitted.add(Outcomes.call(requestId, null));
					assertThat(this.fake.expire(requestId)).isTrue();
				}
				else {
					emitted.add(Outcomes.call(requestId, "jwt"));
					this.fake.agent().approve(requestId);
				}
			}
		});
		await().atMost(WAIT).until(() -> handledByVictim().size() >= 10);
		long killing = System.nanoTime();
		this.victim.kill();
		long killed = System.nanoTime();
		CompletableFuture<Long> takeover = CompletableFuture.supplyAsync(() -> {
			await().atMost(LEASE.plus(WAIT)).pollInterval(Duration.ofMillis(10)).until(() -> leads(survivor));
			return System.nanoTime() - killing;
		});
		List<String> byVictim = handledByVictim();
		// read before the survivor takes the lease: what the victim took on and had not
		// recorded as handled, which the survivor delivers again
		List<String> inFlightAtKill = inFlight(List.copyOf(emitted));
		long tookOver = takeover.get();
		int emittedAtTakeover = emitted.size();
		await().atMost(WAIT).until(() -> emitted.size() >= emittedAtTakeover + 10);
		running.set(false);
		logins.get();
		List<String> bySurvivor = outcomes(survivor).handled;
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(emitted).as("outcomes handled by the victim or the survivor")
				.allMatch((outcome) -> byVictim.contains(outcome) || bySurvivor.contains(outcome)));
		// a duplicate would come late: give it the time to show
		Thread.sleep(500);
		List<String> again = bySurvivor.stream().filter(byVictim::contains).toList();
		logger.info("Killed " + this.victim + " in " + (killed - killing) / 1_000_000 + " ms; the survivor took the "
				+ "lease " + tookOver / 1_000_000 + " ms after the kill (lease " + LEASE + "); outcomes emitted "
				+ emitted.size() + ", handled " + byVictim.size() + " by the victim and " + bySurvivor.size()
				+ " by the survivor; in flight at the kill: " + inFlightAtKill.size() + ", of which handled by both: "
				+ again.size());

		assertThat(Duration.ofNanos(tookOver)).as("time from the kill to the survivor's lease")
			.isLessThan(LEASE.plus(LEASE.dividedBy(10)).plusSeconds(2));
		assertThat(byVictim).as("outcomes handled by the victim, each once").doesNotHaveDuplicates();
		assertThat(bySurvivor).as("outcomes handled by the survivor, each once").doesNotHaveDuplicates();
		assertThat(again).as("handled by both: only what was in flight at the kill").isSubsetOf(inFlightAtKill);
		List<String> handled = new ArrayList<>(byVictim);
		handled.addAll(bySurvivor);
		assertThat(emitted).containsAll(handled);
		assertThat(pending(survivor)).as("the pending requests survived").containsAll(waiting);
	}

	private List<String> handledByVictim() {
		return this.victim.logLines()
			.stream()
			.filter((line) -> line.contains(KilledSiteApplication.HANDLED))
			.map((line) -> line
				.substring(line.indexOf(KilledSiteApplication.HANDLED) + KilledSiteApplication.HANDLED.length()))
			.toList();
	}

	/**
	 * The outcomes in flight in the shared event log (taken on and not recorded as
	 * handled), read on one connection.
	 */
	private List<String> inFlight(List<String> outcomes) {
		List<String> members = this.instances
			.sync((redis) -> redis.zrange(new RedisKeys(this.instances.prefix).inFlight(), 0, -1));
		return outcomes.stream()
			.filter((outcome) -> members.stream()
				.anyMatch((member) -> member
					.contains("\"requestId\":\"" + outcome.substring(0, outcome.indexOf(' ')) + "\"")))
			.toList();
	}

}
