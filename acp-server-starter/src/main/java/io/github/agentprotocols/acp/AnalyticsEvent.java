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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Sidecar telemetry of a run (spec §2.10), tracked by a handler and handed to the
 * {@link AcpAnalyticsSink}; never persisted in the thread log and never broadcast.
 *
 * @param name what happened, not empty
 * @param properties details, a JSON object
 * @param threadId the run's thread
 * @param runId the run
 * @param assistantId the run's assistant
 * @param timestamp when it was tracked, in microseconds
 */
public record AnalyticsEvent(String name, Map<String, Object> properties, @Nullable String threadId,
		@Nullable String runId, @Nullable String assistantId, Instant timestamp) {

	/**
	 * Create a new {@code AnalyticsEvent}.
	 * @throws IllegalArgumentException when the name is empty
	 * @param name what happened, not empty
	 * @param properties details, a JSON object
	 * @param threadId the run's thread
	 * @param runId the run
	 * @param assistantId the run's assistant
	 * @param timestamp when it was tracked, in microseconds
	 */
	public AnalyticsEvent {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("an analytics event needs a name");
		}
		properties = JsonValues.object(properties);
		timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MICROS);
	}

}
