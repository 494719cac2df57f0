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
