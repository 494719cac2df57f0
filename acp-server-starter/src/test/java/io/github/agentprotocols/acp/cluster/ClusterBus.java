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

package io.github.agentprotocols.acp.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A cluster channel in memory for the relay's unit tests: every channel it gives out
 * hears what any of them sends while connected; a connection can be cut.
 */
final class ClusterBus {

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	/**
	 * A channel of this bus.
	 * @return the channel
	 */
	Channel channel() {
		return new Channel();
	}

	/**
	 * Sends a message as if an instance had.
	 * @param message the text
	 */
	synchronized void send(String message) {
		this.connections.forEach((connection) -> connection.sink.tryEmitNext(Optional.of(message)));
	}

	private record Connection(Channel channel, Sinks.Many<Optional<String>> sink) {
	}

	final class Channel implements ClusterChannel {

		private volatile boolean refusing;

		private final AtomicInteger failingSends = new AtomicInteger();

		private volatile Mono<Void> sendsHeld = Mono.empty();

		@Override
		public Mono<Void> send(String message) {
			return Mono.defer(() -> this.sendsHeld).then(Mono.fromRunnable(() -> {
				if (this.failingSends.getAndUpdate((count) -> Math.max(0, count - 1)) > 0) {
					throw new IllegalStateException("send failed");
				}
				ClusterBus.this.send(message);
			}));
		}

		/**
		 * Holds the sends from now on until the returned sink completes, as a slow
		 * channel does.
		 * @return completes to release the sends
		 */
		Sinks.Empty<Void> holdSends() {
			Sinks.Empty<Void> release = Sinks.empty();
			this.sendsHeld = release.asMono();
			return release;
		}

		/**
		 * Makes the next sends fail, as on a pooled connection cut under them.
		 * @param count how many
		 */
		void failSends(int count) {
			this.failingSends.set(count);
		}

		@Override
		public Flux<Optional<String>> listen() {
			return Flux.defer(() -> {
				if (this.refusing) {
					return Flux.error(new IllegalStateException("refused"));
				}
				Connection connection = new Connection(this, Sinks.many().unicast().onBackpressureBuffer());
				synchronized (ClusterBus.this) {
					ClusterBus.this.connections.add(connection);
					connection.sink.tryEmitNext(Optional.empty());
				}
				return connection.sink.asFlux().doFinally((signal) -> ClusterBus.this.connections.remove(connection));
			});
		}

		/**
		 * Ends this channel's connection with an error, as a lost connection does.
		 */
		void cut() {
			synchronized (ClusterBus.this) {
				ClusterBus.this.connections.stream()
					.filter((connection) -> connection.channel == this)
					.forEach((connection) -> {
						ClusterBus.this.connections.remove(connection);
						connection.sink.tryEmitError(new IllegalStateException("cut"));
					});
			}
		}

		/**
		 * Makes connecting fail, as an unreachable channel does, or succeed again.
		 * @param refusing whether connecting fails
		 * @return this channel
		 */
		Channel refuseConnections(boolean refusing) {
			this.refusing = refusing;
			return this;
		}

		boolean isConnected() {
			return ClusterBus.this.connections.stream().anyMatch((connection) -> connection.channel == this);
		}

		@Override
		public int maxMessageBytes() {
			return PostgresClusterChannel.MAX_PAYLOAD_BYTES;
		}

		@Override
		public String transport() {
			return "test";
		}

	}

}
