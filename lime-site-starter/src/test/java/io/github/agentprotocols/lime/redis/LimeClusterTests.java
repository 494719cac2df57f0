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
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.health.LimeHealthIndicator;
import io.github.agentprotocols.lime.redis.ClusterInstances.BrowserLogins;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.RecordedRequest;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances of a site on one real Redis ({@code lime.store.type=redis})
 * and one fake LIME API, over real HTTP: one reads the event stream under the lease, each
 * outcome is handled once and reaches both, and a leader that dies is replaced within the
 * lease time without losing or repeating an event.
 */
@SpecItem("LIME-8.7")
@UsesRedis
class LimeClusterTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * For the tests where the leader keeps its lease: long enough that it never lapses
	 * between two renewals (a third of it apart) on a loaded machine.
	 */
	private static final Duration HELD_LEASE = Duration.ofSeconds(15);

	private FakeLimeApi fake;

	private ClusterInstances instances;

	@AfterEach
	void close() {
		if (this.instances != null) {
			this.instances.close();
		}
		if (this.fake != null) {
			this.fake.close();
		}
	}

	@Test
	void eachOutcomeIsHandledOnceByTheLeaderAndBroadcastToBothInstances() throws Exception {
		start(FakeLimeApi.start(), HELD_LEASE);
		ConfigurableApplicationContext a = leaderA();
		ConfigurableApplicationContext b = standbyB();
		List<String> expected = new ArrayList<>();
		for (ConfigurableApplicationContext creator : List.of(a, b, a, b)) {
			LoginRequest request = site(creator).createLoginRequest().block();
			this.fake.agent().approve(request.requestId());
			expected.add(Outcomes.call(request.requestId(), "jwt"));
		}
		LoginRequest expiring = site(b).createLoginRequest().block();
		this.fake.expire(expiring.requestId());
		expected.add(Outcomes.call(expiring.requestId(), null));

		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(outcomes(instance).broadcasts).containsExactlyInAnyOrderElementsOf(expected));
		}
		assertThat(outcomes(a).handled).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(outcomes(a).listened).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(outcomes(b).handled).isEmpty();
		assertThat(outcomes(b).listened).isEmpty();
		assertThat(this.fake.openStreams()).isOne();
		assertThat(health(a).getDetails()).containsEntry("role", "leader").containsEntry("stream", "connected");
		assertThat(health(a).getStatus()).isEqualTo(Status.UP);
		assertThat(health(b).getDetails()).containsEntry("role", "standby");
		assertThat(health(b).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void browserWaitingOnTheStandbyGetsTheVerifiedPassportAndItIsRefusedEverywhereElse() throws Exception {
		start(FakeLimeApi.start(), HELD_LEASE);
		ConfigurableApplicationContext a = leaderA();
		ConfigurableApplicationContext b = standbyB();
		LoginRequest request = site(b).createLoginRequest().block();
		CompletableFuture<Passport> browser = b.getBean(BrowserLogins.class).waitFor(request.requestId());
		this.fake.agent().approve(request.requestId());

		Passport passport = browser.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(passport.requestId()).isEqualTo(request.requestId());
		assertThat(passport.agentId()).isEqualTo(this.fake.agentId());
		await().atMost(WAIT).until(() -> outcomes(a).broadcast.containsKey(request.requestId()));
		String jwt = outcomes(a).broadcast.get(request.requestId());
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			assertThatExceptionOfType(PassportReplayedException.class)
				.isThrownBy(() -> site(instance).blocking().verifyPassport(jwt, request.requestId()));
		}
	}

	@Test
	void deadLeaderIsReplacedWithinTheLeaseAndNoEventIsLostOrHandledTwice() throws Exception {
		// long enough that closing A (its last renewal at most a third of it ago) never
		// outlasts the lease on a loaded machine, so B's takeover waits for the expiry,
		// which the test then brings forward
		start(FakeLimeApi.builder().sseIds(true).replay(true).start(), Duration.ofSeconds(15));
		ConfigurableApplicationContext a = this.instances.start("lime-a", false);
		await().atMost(WAIT).until(() -> leads(a));
		ConfigurableApplicationContext b = standbyB();
		Outcomes outcomesOfA = outcomes(a);
		List<String> handledByA = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			LoginRequest request = site(a).createLoginRequest().block();
			this.fake.agent().approve(request.requestId());
			handledByA.add(Outcomes.call(request.requestId(), "jwt"));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(outcomes(b).broadcasts).containsExactlyInAnyOrderElementsOf(handledByA));
		// A records an event's id once it handed the event to its handlers, so maybe
		// after B heard of it: wait for the 3rd event's id (the fake counts from 1), lest
		// A overwrite the one set next
		LimeEventDispatcher dispatcherOfA = a.getBean(LimeEventDispatcher.class);
		await().atMost(WAIT).until(() -> "3".equals(dispatcherOfA.getLastEventId()));
		// As if A died after taking on the 2nd and 3rd events but before recording their
		// ids
		this.instances.setLastEventId("1");

		assertThat(this.instances.killRedisConnections("lime-a")).isPositive();
		a.close();
		assertThat(this.instances.leaseKeyExists()).as("the lease was not released").isTrue();
		assertThat(this.instances.leaseTimeLeft()).as("the lock expires on its own within the lease")
			.isPositive()
			.isLessThanOrEqualTo(this.instances.leaseTtl);
		// the fake notices A's stream closed a moment after A closed it
		await().atMost(WAIT).until(() -> this.fake.openStreams() == 0);
		LoginRequest approvedMeanwhile = site(b).createLoginRequest().block();
		this.fake.agent().approve(approvedMeanwhile.requestId());
		LoginRequest expiredMeanwhile = site(b).createLoginRequest().block();
		this.fake.expire(expiredMeanwhile.requestId());
		assertThat(this.fake.openStreams()).isZero();
		// rather than wait for the rest of the lease, let the lock expire now, as the
		// time
		// it had left passing would
		this.instances.expireLeaseNow();

		await().atMost(this.instances.leaseTtl.plus(WAIT)).until(() -> leads(b));
		List<String> handledByB = List.of(Outcomes.call(approvedMeanwhile.requestId(), "jwt"),
				Outcomes.call(expiredMeanwhile.requestId(), null));
		await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes(b).broadcasts).containsAll(handledByB));
		assertThat(outcomes(b).handled).containsExactlyInAnyOrderElementsOf(handledByB);
		assertThat(outcomesOfA.handled).containsExactlyInAnyOrderElementsOf(handledByA);
		List<RecordedRequest> connects = this.fake.requests().of(Endpoint.EVENTS);
		assertThat(connects.get(connects.size() - 1).header("Last-Event-ID")).isEqualTo("1");
	}

	@Test
	void leaderThatShutsDownReleasesTheLeaseSoTheStandbyTakesOverBeforeItWouldExpire() {
		Duration longLease = Duration.ofSeconds(90);
		start(FakeLimeApi.start(), longLease);
		ConfigurableApplicationContext a = leaderA();
		ConfigurableApplicationContext b = standbyB();
		a.close();
		// within WAIT, well before the 90 s lock could expire: only a release lets B in
		await().atMost(WAIT).until(() -> leads(b) && this.fake.openStreams() == 1);
	}

	@Test
	void leaderThatCannotRenewItsLeaseStopsReadingTheStreamAndTheStandbyTakesOver() {
		start(FakeLimeApi.start(), Duration.ofSeconds(3));
		ConfigurableApplicationContext a = this.instances.start("lime-a", false);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		ConfigurableApplicationContext b = standbyB();
		LimeEventDispatcher dispatcherOfA = a.getBean(LimeEventDispatcher.class);

		assertThat(this.instances.killRedisConnections("lime-a")).isPositive();
		await().atMost(WAIT)
			.until(() -> !leads(a) && dispatcherOfA.getState().status() == LimeConnectionState.Status.STOPPED);
		await().atMost(this.instances.leaseTtl.plus(WAIT)).until(() -> leads(b));
		await().atMost(WAIT).until(() -> this.fake.openStreams() == 1);
	}

	@Test
	@SpecItem("LIME-8.2")
	void leaderReconcilesARequestCreatedOnTheStandbyWhoseExpiryItMissed() throws Exception {
		start(FakeLimeApi.start(), HELD_LEASE);
		ConfigurableApplicationContext a = leaderA();
		ConfigurableApplicationContext b = standbyB();
		LoginRequest request = site(b).createLoginRequest().block();
		this.fake.faults().failNext(Endpoint.EVENTS, 100_000, 503).dropStreamsAfter(0, false);
		this.fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		await().atMost(WAIT).until(() -> this.fake.openStreams() == 0);
		this.fake.expire(request.requestId());
		this.fake.faults().reset();

		String expired = Outcomes.call(request.requestId(), null);
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			await().atMost(WAIT).until(() -> outcomes(instance).broadcasts.contains(expired));
		}
		assertThat(outcomes(a).handled).containsExactly(expired);
		assertThat(outcomes(b).handled).isEmpty();
		assertThat(this.fake.requests().of(Endpoint.LOGIN_REQUEST_STATUS)).isNotEmpty();
	}

	private void start(FakeLimeApi fake, Duration leaseTtl) {
		this.fake = fake;
		this.instances = new ClusterInstances(fake, leaseTtl);
	}

	private ConfigurableApplicationContext leaderA() {
		ConfigurableApplicationContext a = this.instances.start("lime-a", true);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		return a;
	}

	private ConfigurableApplicationContext standbyB() {
		ConfigurableApplicationContext b = this.instances.start("lime-b", true);
		await().atMost(WAIT).until(() -> this.instances.broadcastSubscribers() == 2);
		assertThat(leads(b)).isFalse();
		return b;
	}

	private static Health health(ConfigurableApplicationContext instance) {
		return instance.getBean(LimeHealthIndicator.class).health(true).block();
	}

}
