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

import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.commons.Internal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges the queue of a {@link RunExecutor} in Micrometer: {@code acp.runs.executing},
 * the runs whose handlers hold one of its slots, and {@code acp.runs.queued}, the runs it
 * holds pending until a slot is free. Both count this instance's runs only, where
 * {@code acp.runs.active} counts every active run in the store.
 */
@Internal
public class RunExecutorMetrics {

	/**
	 * Creates the gauges in a registry.
	 * @param registry the registry
	 * @param executor the executor
	 */
	public RunExecutorMetrics(MeterRegistry registry, RunExecutor executor) {
		Gauge.builder("acp.runs.executing", executor, RunExecutor::executingRuns)
			.description("Assistant runs executing on this instance")
			.register(registry);
		Gauge.builder("acp.runs.queued", executor, RunExecutor::queuedRuns)
			.description("Assistant runs waiting for a free executor slot on this instance")
			.register(registry);
	}

}
