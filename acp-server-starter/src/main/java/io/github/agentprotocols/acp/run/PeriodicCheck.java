package io.github.agentprotocols.acp.run;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * A check of the executor's runs repeated at a fixed interval while the application runs.
 * It stops one phase after the {@link RunExecutor}, so runs stay watched while the
 * executor shuts down.
 */
abstract class PeriodicCheck implements SmartLifecycle {

	private final Log logger = LogFactory.getLog(getClass());

	private final Duration interval;

	private volatile @Nullable Disposable task;

	PeriodicCheck(Duration interval) {
		this.interval = interval;
	}

	/**
	 * Runs the check once.
	 * @return completes when done
	 */
	public abstract Mono<Void> check();

	/**
	 * Starts what runs beside the periodic check.
	 * @return how to stop it
	 */
	Disposable startAlongside() {
		return Disposables.disposed();
	}

	@Override
	public void start() {
		Disposable periodic = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> check().onErrorResume((ex) -> {
				this.logger.warn("Periodic check of runs failed", ex);
				return Mono.empty();
			}))
			.subscribe();
		this.task = Disposables.composite(periodic, startAlongside());
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

	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 1;
	}

}
