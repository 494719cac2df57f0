package io.github.agentprotocols.acp.metrics;

import java.time.Clock;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadCreation;
import io.github.agentprotocols.acp.store.InMemoryThreadStore;
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
	void gaugesActiveRunsWithoutWaitingForTheStore() {
		assertThat(this.registry.get("acp.runs.active").gauge().value()).isZero();
	}

}
