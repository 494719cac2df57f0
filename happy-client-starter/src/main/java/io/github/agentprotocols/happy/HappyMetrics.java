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

package io.github.agentprotocols.happy;

import java.time.Duration;

/**
 * What the Happy client measures: RPC latency, socket reconnects and records it could not
 * decrypt. The starter records into Micrometer when the application has a meter registry.
 */
public interface HappyMetrics {

	/** Metrics that record nothing. */
	HappyMetrics NONE = new HappyMetrics() {
	};

	/**
	 * An RPC ended.
	 * @param method the method name without its scope, e.g. {@code spawn-happy-session}
	 * @param outcome {@code ok}, {@code offline}, {@code refused}, {@code timeout},
	 * {@code disconnected} or {@code error}
	 * @param duration how long it took
	 */
	default void rpcCompleted(String method, String outcome, Duration duration) {
	}

	/**
	 * The socket connected again after a drop.
	 */
	default void reconnected() {
	}

	/**
	 * A record, message or RPC result could not be decrypted.
	 */
	default void decryptFailed() {
	}

}
