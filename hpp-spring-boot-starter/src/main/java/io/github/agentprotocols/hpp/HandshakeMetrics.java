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

package io.github.agentprotocols.hpp;

/**
 * Receives what the protocol counts. The starter records into Micrometer when it is
 * present.
 */
public interface HandshakeMetrics {

	/** Records nothing. */
	HandshakeMetrics NONE = new HandshakeMetrics() {
	};

	/** A session was created. */
	default void sessionCreated() {
	}

	/**
	 * Sessions ended by expiry.
	 * @param count how many
	 */
	default void sessionsExpired(int count) {
	}

	/** A session was closed by its user. */
	default void sessionClosed() {
	}

	/**
	 * The outcome of one action batch.
	 * @param applied actions applied
	 * @param rejected actions rejected (ownership or hook veto)
	 * @param invalid actions with an error entry
	 */
	default void actions(int applied, int rejected, int invalid) {
	}

	/** An agent request was refused by the rate limit. */
	default void rateLimited() {
	}

	/** A WebSocket connection was accepted. */
	default void connectionOpened() {
	}

	/** An accepted WebSocket connection ended. */
	default void connectionClosed() {
	}

}
