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

import java.util.Map;

/**
 * Tracks analytics events of a run (spec §6.4 {@code ctx.analytics.track}): buffered and
 * handed to the {@link AcpAnalyticsSink}, stamped with the thread, run, assistant and the
 * time of the call. Ignored once the run has ended, and without a sink.
 */
public interface AnalyticsTracker {

	/**
	 * Tracks an event without properties.
	 * @param name what happened, not empty
	 */
	default void track(String name) {
		track(name, Map.of());
	}

	/**
	 * Tracks an event.
	 * @param name what happened, not empty
	 * @param properties details, a JSON object
	 */
	void track(String name, Map<String, Object> properties);

}
