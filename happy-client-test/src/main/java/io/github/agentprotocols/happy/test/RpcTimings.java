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

package io.github.agentprotocols.happy.test;

import java.time.Duration;

/**
 * The waits of the fake's RPC routing (spec §6.1, §11). Tests shorten them to see the
 * server's RPC errors in milliseconds rather than seconds.
 *
 * @param targetWait how long a call waits for its method to be registered before
 * {@code RPC method not available} (the server: 15 s)
 * @param answerTimeout how long the target has to answer before {@code operation has
 * timed out} (the server: 30 s)
 * @param disconnectDetection how long after the target's socket went away the caller is
 * answered {@code RPC target disconnected} (the server: about 4 s)
 */
public record RpcTimings(Duration targetWait, Duration answerTimeout, Duration disconnectDetection) {

	/**
	 * The server's own waits: 15 s, 30 s and 4 s.
	 * @return the timings
	 */
	public static RpcTimings defaults() {
		return new RpcTimings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(4));
	}

	/**
	 * Waits short enough for tests that expect the RPC errors: 1 s, 1 s and 100 ms.
	 * @return the timings
	 */
	public static RpcTimings shortened() {
		return new RpcTimings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100));
	}

}
