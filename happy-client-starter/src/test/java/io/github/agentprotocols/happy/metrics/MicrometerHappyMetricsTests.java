package io.github.agentprotocols.happy.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerHappyMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MicrometerHappyMetrics metrics = new MicrometerHappyMetrics(this.registry);

	@Test
	void rpcLatencyIsTimedByMethodAndOutcome() {
		this.metrics.rpcCompleted("spawn-happy-session", "ok", Duration.ofMillis(20));
		this.metrics.rpcCompleted("spawn-happy-session", "ok", Duration.ofMillis(40));
		this.metrics.rpcCompleted("killSession", "offline", Duration.ofMillis(5));
		assertThat(this.registry.get("happy.rpc")
			.tag("method", "spawn-happy-session")
			.tag("outcome", "ok")
			.timer()
			.count()).isEqualTo(2);
		assertThat(
				this.registry.get("happy.rpc").tag("method", "killSession").tag("outcome", "offline").timer().count())
			.isEqualTo(1);
	}

	@Test
	void reconnectsAndDecryptFailuresAreCounted() {
		this.metrics.reconnected();
		this.metrics.decryptFailed();
		this.metrics.decryptFailed();
		assertThat(this.registry.get("happy.socket.reconnects").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("happy.decrypt.failures").counter().count()).isEqualTo(2);
	}

}
