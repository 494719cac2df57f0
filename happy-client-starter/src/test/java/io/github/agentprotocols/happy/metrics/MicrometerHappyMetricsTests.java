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
