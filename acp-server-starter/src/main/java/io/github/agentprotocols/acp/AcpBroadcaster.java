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

package io.github.agentprotocols.acp;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The broadcast funnel of spec §5.7: every write of a REST action, a Socket.IO action or
 * a run that others should hear of goes through it. Per thread it runs one write at a
 * time, in the order they were subscribed: the write, its commit, then the delivery of
 * what it reports to the {@link AcpBroadcastListener listeners}; only then the thread's
 * next write. Listeners therefore see each thread's events in log order, and the
 * notifications of one operation together, in the order given.
 * <p>
 * A write runs to its end once started, even if the caller cancels its subscription, so
 * nothing committed goes unreported. A failing listener never fails the write.
 */
public interface AcpBroadcaster {

	/**
	 * Performs a write on a thread in the thread's order and delivers the notifications
	 * derived from its result.
	 * @param <T> the result type
	 * @param threadId the thread written to
	 * @param write the cold write, subscribed once when the thread's earlier writes are
	 * delivered
	 * @param broadcasts the notifications to deliver for the result, in order; not called
	 * when the write is empty or fails
	 * @return the write's result, emitted after its notifications were delivered and
	 * {@linkplain AcpBroadcastListener#passedOn() passed on}
	 */
	<T> Mono<T> publish(String threadId, Mono<T> write, Function<? super T, List<AcpBroadcast>> broadcasts);

	/**
	 * Performs a store write on a thread in the thread's order and delivers the events it
	 * appended.
	 * @param <T> the result type
	 * @param threadId the thread written to
	 * @param write the cold store write
	 * @return the write's result, emitted after its events were delivered
	 */
	default <T extends StoreWrite> Mono<T> publish(String threadId, Mono<T> write) {
		return publish(threadId, write, AcpBroadcast::eventsOf);
	}

	/**
	 * Performs a read of a thread in the thread's order: after the writes published
	 * before it and before those published after it, while other reads of the thread may
	 * run beside it. A socket joining the thread's room reads its membership this way, so
	 * that no removal falls between the check and the entry into the room.
	 * @param <T> the result type
	 * @param threadId the thread read
	 * @param read the cold read, subscribed once when the thread's earlier writes are
	 * delivered
	 * @return the read's result
	 */
	default <T> Mono<T> read(String threadId, Mono<T> read) {
		return publish(threadId, read, (value) -> List.of());
	}

	/**
	 * Delivers notifications that follow no write, in the thread's order.
	 * @param threadId the thread
	 * @param broadcasts the notifications
	 * @return completes once they were delivered
	 */
	default Mono<Void> broadcast(String threadId, List<AcpBroadcast> broadcasts) {
		return publish(threadId, Mono.just(broadcasts), Function.identity()).then();
	}

}
