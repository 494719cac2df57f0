package io.github.agentprotocols.hpp.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * {@link PacedDelivery} within one instance: a queue per session in memory, delivering
 * through a {@link SessionBroadcast}. When the application stops, once its web server has
 * stopped, deliveries in flight are cancelled: the connections they were for are closed
 * by then.
 */
public class LocalPacedDelivery implements PacedDelivery, SmartLifecycle {

	/**
	 * After the web server has stopped taking requests ({@code DEFAULT_PHASE - 2048}).
	 */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final SessionBroadcast broadcast;

	private final Map<String, Mono<Void>> queues = new ConcurrentHashMap<>();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private volatile boolean running;

	public LocalPacedDelivery(SessionBroadcast broadcast) {
		this.broadcast = broadcast;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
		return Mono.fromRunnable(() -> {
			Mono<Void> delivery = batch.publish(this.broadcast, sessionId).takeUntilOther(this.stopped.asMono());
			Mono<Void> queued = this.queues.compute(sessionId,
					(id, previous) -> ((previous != null) ? previous.then(delivery) : delivery).cache());
			queued.doFinally((signal) -> this.queues.remove(sessionId, queued)).subscribe();
		});
	}

	@Override
	public void start() {
		this.stopped = Sinks.empty();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopped.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
