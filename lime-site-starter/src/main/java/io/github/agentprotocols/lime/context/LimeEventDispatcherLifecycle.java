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
