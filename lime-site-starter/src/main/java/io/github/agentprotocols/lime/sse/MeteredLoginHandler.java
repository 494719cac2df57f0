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

import java.time.Duration;

import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LimeLoginHandler} that records how long another one runs in
 * {@link LimeMetrics}.
 */
final class MeteredLoginHandler implements LimeLoginHandler {

	private final LimeLoginHandler handler;

	private final LimeMetrics metrics;

	MeteredLoginHandler(LimeLoginHandler handler, LimeMetrics metrics) {
		this.handler = handler;
		this.metrics = metrics;
	}

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		long start = System.nanoTime();
		try {
			this.handler.onLogin(requestId, passportJwt);
		}
		catch (RuntimeException | Error ex) {
			this.metrics.handlerCompleted(Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
		this.metrics.handlerCompleted(Duration.ofNanos(System.nanoTime() - start), null);
	}

	@Override
	public String toString() {
		return this.handler.toString();
	}

}
