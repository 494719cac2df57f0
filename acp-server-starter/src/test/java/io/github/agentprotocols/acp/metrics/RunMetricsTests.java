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

package io.github.agentprotocols.acp.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.acp.run.RunSettings;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MicrometerRunMetrics} and {@link RunExecutorMetrics}: the run meters
 * read while a real {@link RunExecutor} of one slot runs assistants on an in-memory
 * store.
 */
class RunMetricsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Identity alice = Identity.user("alice", "Alice");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final RecordingBroadcastListener broadcasts = new RecordingBroadcastListener();

	private RunExecutor executor;

	private String thread;

	@BeforeEach
	void createExecutorAndThread() {
		AssistantRegistry assistants = new AssistantRegistry();
		assistants.register("helper", (context, send) -> Flux.just(send.reasoning("thinking")), "test");
		assistants.register("boom", (context, send) -> Flux.error(new IllegalStateException("boom")), "test");
		assistants.register("slow", (context, send) -> Mono.never(), "test");
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(new MicrometerRunMetrics(this.registry),
				this.broadcasts);
		this.executor = RunExecutor.builder(this.store, assistants)
			.broadcaster(broadcaster)
			.settings(RunSettings.defaults().withConcurrency(1))
			.build();
		new RunExecutorMetrics(this.registry, this.executor);
		this.thread = this.store.createThread(new NewThread(TenantScope.of(Map.of()), null), alice)
			.block(WAIT)
			.thread()
			.id();
		for (String assistant : List.of("helper", "boom", "slow")) {
			this.store.addMember(this.thread, Identity.assistant(assistant, assistant), "member", alice).block(WAIT);
		}
	}

	@AfterEach
	void cancelHeldRuns() {
		this.executor.ownedRunIds().forEach(this.executor::cancelLocal);
		await().atMost(WAIT).until(() -> this.executor.ownedRunIds().isEmpty());
	}

	@Test
	void countsEndedRunsByOutcomeWithTheFailureCode() {
		awaitEnded(invoke("helper"));
		awaitEnded(invoke("boom"));
		Run slow = invoke("slow");
		awaitStatus(slow, RunStatus.RUNNING);
		this.executor.cancel(slow).block(WAIT);
		awaitEnded(slow);
		assertThat(runs().tags("outcome", "completed", "code", "none").counter().count()).isOne();
		assertThat(runs().tags("outcome", "failed", "code", "handler_error").counter().count()).isOne();
		assertThat(runs().tags("outcome", "cancelled", "code", "none").counter().count()).isOne();
		assertThat(this.registry.find("acp.runs").counters()).hasSize(3);
	}

	@Test
	void timesARunFromItsCreationToItsEnd() {
		Run ended = awaitEnded(invoke("helper"));
		Timer timer = this.registry.get("acp.run.duration").tag("outcome", "completed").timer();
		assertThat(timer.count()).isOne();
		assertThat(Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS)))
			.isEqualTo(Duration.between(ended.startedAt(), ended.completedAt()))
			.isPositive();
	}

	@Test
	void gaugesTheRunsExecutingAndQueued() {
		assertThat(gauge("acp.runs.executing")).isZero();
		Run slow = invoke("slow");
		awaitStatus(slow, RunStatus.RUNNING);
		assertThat(gauge("acp.runs.executing")).isOne();
		assertThat(gauge("acp.runs.queued")).isZero();
		Run helper = invoke("helper");
		assertThat(gauge("acp.runs.queued")).isOne();
		this.executor.cancel(helper).block(WAIT);
		assertThat(gauge("acp.runs.queued")).isZero();
		this.executor.cancel(slow).block(WAIT);
		await().atMost(WAIT).until(() -> gauge("acp.runs.executing") == 0);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(runs().tags("outcome", "cancelled").counter().count()).isEqualTo(2));
	}

	private Run invoke(String assistant) {
		return this.executor.invoke(this.thread, InvocationRequest.of(List.of(assistant), alice, null, null))
			.block(WAIT)
			.runs()
			.get(0)
			.run();
	}

	private Run awaitEnded(Run run) {
		await().atMost(WAIT).until(() -> this.broadcasts.statusesOf(run.id()).stream().anyMatch(RunStatus::isTerminal));
		return this.store.findRun(run.id()).block(WAIT);
	}

	private void awaitStatus(Run run, RunStatus status) {
		await().atMost(WAIT).until(() -> this.broadcasts.statusesOf(run.id()).contains(status));
	}

	private RequiredSearch runs() {
		return this.registry.get("acp.runs");
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}
