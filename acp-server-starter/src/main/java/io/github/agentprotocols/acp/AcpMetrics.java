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

import io.github.agentprotocols.acp.AcpBroadcastListener;

/**
 * Receives the counts the REST and Socket.IO transports keep; the starter records them in
 * Micrometer when the application has a meter registry, else into {@link #NONE}.
 * Committed events are counted from the broadcast funnel, by an
 * {@link AcpBroadcastListener}.
 */
public interface AcpMetrics {

	/** Records nothing. */
	AcpMetrics NONE = new AcpMetrics() {
	};

	/**
	 * A REST request was answered.
	 * @param outcome {@code ok} for a 2xx answer, {@code unavailable} for 503 (the store
	 * unreachable), else the error code of the answer, such as {@code not_found}
	 */
	default void restRequest(String outcome) {
	}

	/**
	 * A Socket.IO namespace connect was accepted (spec §5.2).
	 */
	default void socketConnected() {
	}

	/**
	 * A Socket.IO namespace connect was refused with a CONNECT_ERROR (spec §5.2).
	 * @param code the refusal's code, such as {@code unauthenticated} or
	 * {@code namespace_mismatch}
	 */
	default void socketConnectRefused(String code) {
	}

	/**
	 * A server-to-client event was emitted to sockets (spec §5.6).
	 * @param event the event's name, such as {@code event} or {@code thread:removed}
	 * @param sockets how many sockets it was emitted to
	 */
	default void socketEventsSent(String event, int sockets) {
	}

	/**
	 * A {@code thread:join} was answered (spec §5.5).
	 * @param events how many events its acknowledgement replayed, 0 for a join without
	 * {@code since}
	 */
	default void joinReplayed(int events) {
	}

}
