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

package io.github.agentprotocols.acp;

import java.util.List;

/**
 * Receives the analytics events that handlers track (spec §6.8), {@code on_analytics}.
 * Optional: without a sink bean, tracking is a no-op.
 * <p>
 * Events are buffered per run and delivered in batches: one whenever a run's buffer
 * reaches {@code acp.analytics.max-batch-size}, and a last one after the run's terminal
 * event was published. Batches of one run arrive in tracking order and never overlap; a
 * batch never mixes runs. The sink runs apart from the run, on a bounded-elastic thread,
 * so it may block without slowing the run; an exception drops the batch, is logged and
 * changes nothing else.
 */
@FunctionalInterface
public interface AcpAnalyticsSink {

	/**
	 * Delivers a batch.
	 * @param events the events of one run, in tracking order, never empty
	 */
	void onAnalytics(List<AnalyticsEvent> events);

}
