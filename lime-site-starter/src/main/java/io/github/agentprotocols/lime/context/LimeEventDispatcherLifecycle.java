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

package io.github.agentprotocols.lime.context;

import io.github.agentprotocols.lime.sse.LimeEventDispatcher;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link LimeEventDispatcher} with the application context: it opens the LIME
 * event stream once the context is refreshed, every login handler registered, and closes
 * it, promptly, when the context closes. It starts after the web server and stops before
 * it.
 */
public final class LimeEventDispatcherLifecycle implements SmartLifecycle {

	private final LimeEventDispatcher dispatcher;

	/**
	 * Create the lifecycle of a dispatcher.
	 * @param dispatcher the dispatcher
	 */
	public LimeEventDispatcherLifecycle(LimeEventDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void start() {
		this.dispatcher.start();
	}

	@Override
	public void stop() {
		this.dispatcher.stop();
	}

	@Override
	public boolean isRunning() {
		return this.dispatcher.isRunning();
	}

}
