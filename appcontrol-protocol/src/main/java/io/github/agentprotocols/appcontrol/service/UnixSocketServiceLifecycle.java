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

package io.github.agentprotocols.appcontrol.service;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link UnixSocketServiceServer} with the application context and stops it,
 * removing its socket file, when the context closes: in the last phase to start and the
 * first to stop, before the service host itself is closed.
 */
public class UnixSocketServiceLifecycle implements SmartLifecycle {

	private final UnixSocketServiceServer server;

	/**
	 * The life cycle of a server.
	 * @param server the server to start and stop
	 */
	public UnixSocketServiceLifecycle(UnixSocketServiceServer server) {
		this.server = server;
	}

	@Override
	public void start() {
		this.server.start();
	}

	@Override
	public void stop() {
		this.server.stop();
	}

	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

}
