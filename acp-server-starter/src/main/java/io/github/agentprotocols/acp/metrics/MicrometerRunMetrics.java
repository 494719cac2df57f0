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

import java.time.Duration;
import java.time.Instant;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.commons.Internal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records how assistant runs end in Micrometer, from the terminal {@code run:updated}
 * notifications of the broadcast funnel: the counter {@code acp.runs} (tags
 * {@code outcome}, one of {@code completed}, {@code failed} and {@code cancelled}, and
 * {@code code}, the failure code of a failed run, else {@code none}) and the timer
 * {@code acp.run.duration} (tag {@code outcome}), from the run's creation
 * ({@code started_at}) to its end ({@code completed_at}).
 * <p>
 * Each instance counts the runs whose end it published: the runs it executed, the pending
 * runs it cancelled and the orphans its watchdog failed. Runs abandoned by the deletion
 * of their thread end without a notification and are not counted.
 */
@Internal
public class MicrometerRunMetrics implements AcpBroadcastListener {

	private final MeterRegistry registry;

	/**
	 * Creates the meters in a registry.
	 * @param registry the registry
	 */
	public MicrometerRunMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		if (!(broadcast instanceof AcpBroadcast.RunUpdated updated)) {
			return;
		}
		Run run = updated.run();
		Instant completedAt = run.completedAt();
		if (completedAt == null) {
			return;
		}
		String outcome = run.status().wireName();
		RunError error = run.error();
		Counter.builder("acp.runs")
			.tags(Tags.of("outcome", outcome, "code", (error != null) ? error.code() : "none"))
			.description("Assistant runs ended, by outcome")
			.register(this.registry)
			.increment();
		Timer.builder("acp.run.duration")
			.tag("outcome", outcome)
			.description("Assistant runs from creation to their end")
			.register(this.registry)
			.record(Duration.between(run.startedAt(), completedAt));
	}

}
