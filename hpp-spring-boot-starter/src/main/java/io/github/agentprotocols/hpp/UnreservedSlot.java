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

package io.github.agentprotocols.hpp;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import reactor.core.publisher.Mono;

/**
 * A place that holds nothing in the backlog: filling it queues the batch as
 * {@link PacedDelivery#enqueue} does, which may still refuse it.
 */
final class UnreservedSlot implements PacedDelivery.Slot {

	private static final Log logger = LogFactory.getLog(UnreservedSlot.class);

	private final PacedDelivery delivery;

	private final String sessionId;

	UnreservedSlot(PacedDelivery delivery, String sessionId) {
		this.delivery = delivery;
		this.sessionId = sessionId;
	}

	/**
	 * The place of a batch whose reservation failed for another reason than a full
	 * backlog.
	 */
	static UnreservedSlot after(Throwable failure, PacedDelivery delivery, String sessionId) {
		logger.debug("Could not reserve the delivery of an action batch", failure);
		return new UnreservedSlot(delivery, sessionId);
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
