package io.github.agentprotocols.hpp;

import reactor.core.publisher.Mono;

/**
 * A place that holds nothing in the backlog: filling it queues the batch as
 * {@link PacedDelivery#enqueue} does, which may still refuse it.
 */
final class UnreservedSlot implements PacedDelivery.Slot {

	private final PacedDelivery delivery;

	private final String sessionId;

	UnreservedSlot(PacedDelivery delivery, String sessionId) {
		this.delivery = delivery;
		this.sessionId = sessionId;
	}

	@Override
	public Mono<Void> fill(PacedBatch batch) {
		return this.delivery.enqueue(this.sessionId, batch);
	}

	@Override
	public Mono<Void> release() {
		return Mono.empty();
	}

}
