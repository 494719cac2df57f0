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

package io.github.agentprotocols.appcontrol.docs;

import java.nio.file.Path;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;

/**
 * The example of docs/how-to/run-the-app-control-service-host-on-a-unix-socket.md that
 * serves a client without Spring: the service host on a Unix domain socket.
 */
final class LocalServiceHost implements AutoCloseable {

	private final AppControlServiceHost host;

	private final UnixSocketServiceServer server;

	LocalServiceHost(AppControlClient desktopTool, Path socket) {
		// tag::host-without-spring[]
		AppControlServiceHost host = AppControlServiceHost.builder(desktopTool, "local-service-token")
			.commandTimeout(Duration.ofMinutes(1))
			.build();
		UnixSocketServiceServer server = new UnixSocketServiceServer(host, socket, 256 * 1024, Duration.ofSeconds(30));
		server.start(); // creates the socket file, mode 0600; server.stop() removes it
		// end::host-without-spring[]
		this.host = host;
		this.server = server;
	}

	@Override
	public void close() {
		this.server.stop();
		this.host.close();
	}

}
