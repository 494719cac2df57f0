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

package io.github.agentprotocols.appcontrol;

import java.time.Duration;

/**
 * Records what the local service host does, for monitoring: the commands it runs, by
 * action and final status, with how long they took, and the requests its transports
 * refuse. Every method does nothing by default; {@link #NONE} records nothing.
 */
public interface AppControlMetrics {

	/**
	 * Metrics that record nothing.
	 */
	AppControlMetrics NONE = new AppControlMetrics() {
	};

	/**
	 * A command sent with {@code run}, {@code submit} or {@code stream} ended with its
	 * final observation (a failed or timed-out one included).
	 * @param action the request's action
	 * @param observation the final observation
	 * @param duration how long the command ran
	 */
	default void commandCompleted(ServiceAction action, ToolObservation observation, Duration duration) {
	}

	/**
	 * A transport answered a request with a refusal, before or instead of running it.
	 * @param transport {@code http} or {@code unix_socket}
	 * @param failureKind the refusal's {@code error.failureKind}, such as
	 * {@code invalid_request} or {@code not_found}
	 */
	default void requestRejected(String transport, String failureKind) {
	}

}
