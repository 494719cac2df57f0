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
