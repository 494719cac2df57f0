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

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadCreation;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerAcpMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final MicrometerAcpMetrics metrics = new MicrometerAcpMetrics(this.registry, this.store);

	@Test
	void countsAppendedEventsByTypeFromTheFunnel() {
		ThreadCreation creation = this.store.createThread(NewThread.withTenant(null), Identity.user("alice", "Alice"))
			.block();
		this.metrics.onBroadcast(new AcpBroadcast.EventAppended(creation.created()));
		this.metrics.onBroadcast(new AcpBroadcast.ThreadUpdated(creation.thread()));
		assertThat(this.registry.get("acp.events.appended").tag("type", "thread.created").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.find("acp.events.appended").counters()).hasSize(1);
	}

	@Test
	void countsRestRequestsByOutcome() {
		this.metrics.restRequest("ok");
		this.metrics.restRequest("ok");
		this.metrics.restRequest("not_found");
		assertThat(this.registry.get("acp.rest.requests").tag("outcome", "ok").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("acp.rest.requests").tag("outcome", "not_found").counter().count()).isEqualTo(1);
	}

	@Test
	void countsSocketConnectsAndTheirRefusalsByCode() {
		this.metrics.socketConnected();
		this.metrics.socketConnectRefused("unauthenticated");
		this.metrics.socketConnectRefused("namespace_mismatch");
		this.metrics.socketConnectRefused("unauthenticated");
		assertThat(this.registry.get("acp.socketio.connects").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("acp.socketio.connects.rejected").tag("code", "unauthenticated").counter().count())
			.isEqualTo(2);
		assertThat(
				this.registry.get("acp.socketio.connects.rejected").tag("code", "namespace_mismatch").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsEmittedEventsOncePerSocketByEventName() {
		this.metrics.socketEventsSent("event", 3);
		this.metrics.socketEventsSent("event", 2);
		this.metrics.socketEventsSent("thread:removed", 1);
		assertThat(this.registry.get("acp.socketio.events.out").tag("event", "event").counter().count()).isEqualTo(5);
		assertThat(this.registry.get("acp.socketio.events.out").tag("event", "thread:removed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void summarizesTheEventsReplayedPerJoin() {
		this.metrics.joinReplayed(0);
		this.metrics.joinReplayed(500);
		DistributionSummary replayed = this.registry.get("acp.socketio.replay.events").summary();
		assertThat(replayed.count()).isEqualTo(2);
		assertThat(replayed.totalAmount()).isEqualTo(500);
		assertThat(replayed.max()).isEqualTo(500);
	}

	@Test
	void gaugesActiveRunsWithoutWaitingForTheStore() {
		assertThat(this.registry.get("acp.runs.active").gauge().value()).isZero();
	}

}
