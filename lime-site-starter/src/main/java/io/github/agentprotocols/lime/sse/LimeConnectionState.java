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

package io.github.agentprotocols.lime.sse;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of the dispatcher's connection to the LIME event stream, for health checks
 * and listeners.
 *
 * @param status where the connection stands
 * @param attempt for {@link Status#RECONNECTING}, the failures in a row since the last
 * connection that succeeded; for {@link Status#AUTH_REJECTED}, the rejections since then;
 * otherwise 0
 * @param since when the dispatcher entered this state
 * @param lastFailure the failure that led to this state, if any
 */
public record LimeConnectionState(Status status, int attempt, Instant since, @Nullable Throwable lastFailure) {

	/**
	 * Where the connection stands.
	 */
	public enum Status {

		/** Not started, or stopped. */
		STOPPED,

		/** Started and opening the first connection. */
		CONNECTING,

		/** The stream is open. */
		CONNECTED,

		/** The stream failed or ended; waiting to reconnect. */
		RECONNECTING,

		/**
		 * LIME answered the stream with 401 or 403: the site token is missing, invalid or
		 * suspended. The dispatcher retries until its limit of rejections, then gives up
		 * until it is restarted.
		 */
		AUTH_REJECTED

	}

}
