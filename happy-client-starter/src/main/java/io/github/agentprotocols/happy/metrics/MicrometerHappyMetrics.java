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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.happy.HappyMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link HappyMetrics} that records in Micrometer: {@code happy.rpc} (a timer, tags
 * {@code method} and {@code outcome}), {@code happy.socket.reconnects} and
 * {@code happy.decrypt.failures}.
 */
public class MicrometerHappyMetrics implements HappyMetrics {

	private final MeterRegistry registry;

	private final Map<String, Timer> rpcTimers = new ConcurrentHashMap<>();

	private final Counter reconnects;

	private final Counter decryptFailures;

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 */
	public MicrometerHappyMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.reconnects = Counter.builder("happy.socket.reconnects")
			.description("Reconnects of the Happy client's socket after a drop")
			.register(registry);
		this.decryptFailures = Counter.builder("happy.decrypt.failures")
			.description("Happy records, messages and RPC results that could not be decrypted")
			.register(registry);
	}

	@Override
	public void rpcCompleted(String method, String outcome, Duration duration) {
		this.rpcTimers
			.computeIfAbsent(method + '\n' + outcome,
					(key) -> Timer.builder("happy.rpc")
						.tag("method", method)
						.tag("outcome", outcome)
						.description("Round trips of RPCs to Happy daemons and agents")
						.register(this.registry))
			.record(duration);
	}

	@Override
	public void reconnected() {
		this.reconnects.increment();
	}

	@Override
	public void decryptFailed() {
		this.decryptFailures.increment();
	}

}
