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

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Removes expired sessions at a fixed interval, closing their WebSocket connections,
 * while the application runs.
 */
public class SessionCleanup implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SessionCleanup.class);

	private final HandshakeManager manager;

	private final Duration interval;

	private volatile Disposable task;

	/**
	 * Creates the cleanup.
	 * @param manager the manager whose sessions to clean
	 * @param interval the time between two sweeps
	 */
	public SessionCleanup(HandshakeManager manager, Duration interval) {
		this.manager = manager;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.task = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> this.manager.removeExpired().onErrorResume((ex) -> {
				logger.warn("Could not remove expired handshake sessions", ex);
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.task;
		if (running != null) {
			running.dispose();
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
