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

package io.github.agentprotocols.hpp.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@link SessionBroadcast} within one instance: a multicast sink per watched session,
 * dropped when its last subscriber leaves.
 */
public class LocalSessionBroadcast implements SessionBroadcast {

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	@Override
	public Mono<Void> publish(String sessionId, HandshakeEvent event) {
		return Mono.fromRunnable(() -> {
			Channel channel = this.channels.get(sessionId);
			if (channel != null) {
				channel.emit(event);
			}
		});
	}

	/**
	 * Sends the events of a batch, without its pauses, to every current subscriber of a
	 * session, in order and together.
	 * @param sessionId the session id
	 * @param batch the batch
	 */
	void publishAtOnce(String sessionId, PacedBatch batch) {
		Channel channel = this.channels.get(sessionId);
		if (channel != null) {
			channel.emit(batch.actions(), batch.done());
		}
	}

	@Override
	public Flux<HandshakeEvent> subscribe(String sessionId) {
		return Flux.defer(() -> {
			Channel channel = this.channels.compute(sessionId,
					(id, current) -> ((current != null) ? current : new Channel()).join());
			return channel.sink.asFlux()
				.doFinally((signal) -> this.channels.computeIfPresent(sessionId, (id, current) -> current.leave()));
		});
	}

	@Override
	public Mono<Integer> connections(String sessionId) {
		return Mono.fromSupplier(() -> {
			Channel channel = this.channels.get(sessionId);
			return (channel != null) ? channel.subscribers : 0;
		});
	}

	/**
	 * A session's sink and its subscriber count, changed only inside the map's compute
	 * lock so that a channel is never dropped while someone is joining it.
	 */
	private static final class Channel {

		private final Sinks.Many<HandshakeEvent> sink = Sinks.many().multicast().directBestEffort();

		private volatile int subscribers;

		Channel join() {
			this.subscribers++;
			return this;
		}

		@Nullable Channel leave() {
			this.subscribers--;
			return (this.subscribers > 0) ? this : null;
		}

		synchronized void emit(HandshakeEvent event) {
			this.sink.tryEmitNext(event);
		}

		synchronized void emit(List<HandshakeEvent> events, HandshakeEvent last) {
			events.forEach(this.sink::tryEmitNext);
			this.sink.tryEmitNext(last);
		}

	}

}
