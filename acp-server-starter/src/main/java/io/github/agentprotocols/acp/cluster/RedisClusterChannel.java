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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * A {@link ClusterChannel} on Redis pub/sub, channel {@code <table-prefix>broadcast}:
 * {@code PUBLISH} (answered with one integer) through the application's connection
 * factory, and a subscription whose listener container is created for each connection and
 * destroyed with it. Messages have no size limit worth the name.
 * <p>
 * Lettuce reconnects a lost pub/sub connection by itself and subscribes again, so what
 * was published meanwhile never arrives. Redis confirms that subscription again before it
 * pushes any message on the new connection; the channel takes that second confirmation as
 * the loss of the connection and ends the flux there, so the relay catches up from the
 * store before it receives anything else.
 * <p>
 * On a Redis Cluster (a factory from {@code spring.data.redis.cluster.nodes}) the channel
 * stays a cluster-wide broadcast, for every instance needs every message: the listener
 * container subscribes on one node, and the cluster forwards each {@code PUBLISH} to
 * every node over its bus. The channel is the only name the relay has in Redis; it keeps
 * no keys.
 * <p>
 * Lettuce routes a {@code PUBLISH} by its channel, as if it were a key: to the master of
 * the channel's slot. When that master crashes, a {@code PUBLISH} waits on the dead
 * master's connection until the application's view of the cluster changes, and is then
 * refused for a moment while the view lacks the slot's master; the subscription's
 * connection is to a node of Lettuce's choice, which Lettuce reconnects to a live node
 * only once its view lacks the dead one. The auto-configured
 * {@code RedisClusterTopologyWatch} and {@code RedisClusterNodeFilter} of
 * {@code protocol-commons} bring the failure and the promotion to that view within half a
 * second of the cluster's own; each {@code PUBLISH} waits at most five seconds, and is
 * sent again while the cluster answers "not now" ({@link RedisClusterRetry}); the relay
 * sends again what still fails. A subscription that Redis has not confirmed within ten
 * seconds ends the flux, so that the relay subscribes again.
 */
public class RedisClusterChannel implements ClusterChannel {

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final ChannelTopic topic;

	/**
	 * Creates a channel.
	 * @param connectionFactory the application's reactive Redis connection factory
	 * @param prefix the prefix of the channel's name
	 */
	public RedisClusterChannel(ReactiveRedisConnectionFactory connectionFactory, String prefix) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.topic = ChannelTopic.of(channel(prefix));
	}

	/**
	 * The name of the channel under a prefix.
	 * @param prefix the prefix of the channel's name
	 * @return the name
	 */
	static String channel(String prefix) {
		return prefix + "broadcast";
	}

	@Override
	public Mono<Void> send(String message) {
		return Mono.defer(() -> this.redis.convertAndSend(this.topic.getTopic(), message))
			.timeout(PUBLISH_TIMEOUT)
			.retryWhen(RedisClusterRetry.transientAnswers())
			.then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Creating the listener container connects to Redis, so it happens on a worker
	 * thread.
	 */
	@Override
	public Flux<Optional<String>> listen() {
		return Flux.usingWhen(Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory))
			.subscribeOn(Schedulers.boundedElastic()), (container) -> {
				SubscriptionConfirmations confirmations = new SubscriptionConfirmations();
				return container.receive(List.of(this.topic), confirmations)
					.map((message) -> Optional.of(message.getMessage()))
					.mergeWith(confirmations.signals())
					.timeout(Mono.delay(SUBSCRIBE_TIMEOUT), (signal) -> Mono.never());
			}, ReactiveRedisMessageListenerContainer::destroyLater);
	}

	@Override
	public int maxMessageBytes() {
		return Integer.MAX_VALUE;
	}

	@Override
	public String transport() {
		return "redis";
	}

	/**
	 * Turns the confirmations of one subscription into the channel's signals: the first
	 * one means listening, a later one that Lettuce subscribed again on a reconnected
	 * connection. Both arrive on the connection's event loop, in order with its messages.
	 */
	private static final class SubscriptionConfirmations implements SubscriptionListener {

		private final Sinks.Many<Optional<String>> signals = Sinks.many().unicast().onBackpressureBuffer();

		private final AtomicBoolean confirmed = new AtomicBoolean();

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			if (this.confirmed.compareAndSet(false, true)) {
				this.signals.tryEmitNext(Optional.empty());
			}
			else {
				this.signals.tryEmitError(new IllegalStateException(
						"The Redis pub/sub connection was re-established; messages published meanwhile were lost"));
			}
		}

		Flux<Optional<String>> signals() {
			return this.signals.asFlux();
		}

	}

}
