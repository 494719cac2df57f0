package io.github.agentprotocols.appcontrol.docs;

import java.nio.file.Path;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;

/**
 * The example of docs/appcontrol.md that serves a client without Spring: the service host
 * on a Unix domain socket.
 */
final class LocalServiceHost implements AutoCloseable {

	private final AppControlServiceHost host;

	private final UnixSocketServiceServer server;

	LocalServiceHost(AppControlClient desktopTool, Path socket) {
		// tag::host-without-spring[]
		AppControlServiceHost host = AppControlServiceHost.builder(desktopTool, "local-token")
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
