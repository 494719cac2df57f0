package io.github.agentprotocols.hpp.event;

import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * {@link PacedDelivery} within one instance: a queue per session in memory, delivering
 * through a {@link SessionBroadcast}.
 */
public class LocalPacedDelivery implements PacedDelivery {

	private final SessionBroadcast broadcast;

	private final Map<String, Mono<Void>> queues = new ConcurrentHashMap<>();

	public LocalPacedDelivery(SessionBroadcast broadcast) {
		this.broadcast = broadcast;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
		return Mono.fromRunnable(() -> {
			Mono<Void> delivery = batch.publish(this.broadcast, sessionId);
			Mono<Void> queued = this.queues.compute(sessionId,
					(id, previous) -> ((previous != null) ? previous.then(delivery) : delivery).cache());
			queued.doFinally((signal) -> this.queues.remove(sessionId, queued)).subscribe();
		});
	}

}
