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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sessions' channels on a Redis Cluster, as sharded pub/sub: each channel belongs to the
 * slot of its session's bucket, so its messages ({@code SPUBLISH}) reach only the shard
 * that holds the session, and an instance subscribes ({@code SSUBSCRIBE}) on that shard.
 * One Lettuce pub/sub connection of the application's cluster client carries every
 * subscription of the instance. When a slot moves to another node (a failover), Redis
 * ends its subscriptions ({@code sunsubscribe}); the channel then refreshes the cluster's
 * topology and subscribes again on the slot's new master. Messages published meanwhile
 * are lost, as with any pub/sub.
 */
final class ShardedChannels implements SessionChannels {

	private static final Log logger = LogFactory.getLog(ShardedChannels.class);

	private static final Duration RESUBSCRIBE_BACKOFF = Duration.ofMillis(100);

	private static final int RESUBSCRIBE_ATTEMPTS = 50;

	private final RedisClusterClient client;

	private final Map<String, Sinks.Many<String>> subscribed = new ConcurrentHashMap<>();

	private volatile @Nullable Mono<StatefulRedisClusterPubSubConnection<String, String>> connection;

	ShardedChannels(RedisClusterClient client) {
		this.client = client;
	}

	@Override
	public Mono<Flux<String>> receiveLater(String channel) {
		return Mono.defer(() -> {
			Sinks.Many<String> messages = Sinks.many().multicast().directBestEffort();
			this.subscribed.put(channel, messages);
			return connection().flatMap((pubSub) -> pubSub.reactive().ssubscribe(channel))
				.thenReturn(messages.asFlux().doFinally((signal) -> unsubscribe(channel, messages)))
				.doOnError((ex) -> this.subscribed.remove(channel, messages));
		});
	}

	@Override
	public void close() {
		Mono<StatefulRedisClusterPubSubConnection<String, String>> current = this.connection;
		this.connection = null;
		this.subscribed.clear();
		if (current != null) {
			current.subscribe(StatefulRedisClusterPubSubConnection::closeAsync, (ex) -> {
			});
		}
	}

	private void unsubscribe(String channel, Sinks.Many<String> messages) {
		if (this.subscribed.remove(channel, messages)) {
			connection().flatMap((pubSub) -> pubSub.reactive().sunsubscribe(channel))
				.subscribe(null, (ex) -> logger.debug("Could not unsubscribe from " + channel, ex));
		}
	}

	private Mono<StatefulRedisClusterPubSubConnection<String, String>> connection() {
		Mono<StatefulRedisClusterPubSubConnection<String, String>> current = this.connection;
		if (current == null) {
			synchronized (this) {
				current = this.connection;
				if (current == null) {
					current = Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic()).cache();
					this.connection = current;
				}
			}
		}
		return current;
	}

	private StatefulRedisClusterPubSubConnection<String, String> connect() {
		StatefulRedisClusterPubSubConnection<String, String> pubSub = this.client.connectPubSub();
		pubSub.addListener(new RedisClusterPubSubAdapter<>() {

			@Override
			public void smessage(RedisClusterNode node, String channel, String message) {
				Sinks.Many<String> messages = ShardedChannels.this.subscribed.get(channel);
				if (messages != null) {
					messages.tryEmitNext(message);
				}
			}

			@Override
			public void sunsubscribed(RedisClusterNode node, String channel, long count) {
				if (ShardedChannels.this.subscribed.containsKey(channel)) {
					resubscribe(pubSub, channel);
				}
			}

		});
		return pubSub;
	}

	/** Subscribes again to a channel that Redis ended while it is still wanted. */
	private void resubscribe(StatefulRedisClusterPubSubConnection<String, String> pubSub, String channel) {
		Mono.fromRunnable(this.client::refreshPartitions)
			.subscribeOn(Schedulers.boundedElastic())
			.then(Mono.defer(() -> pubSub.reactive().ssubscribe(channel)))
			.retryWhen(Retry.fixedDelay(RESUBSCRIBE_ATTEMPTS, RESUBSCRIBE_BACKOFF))
			.subscribe(null, (ex) -> {
				Sinks.Many<String> messages = this.subscribed.remove(channel);
				if (messages != null) {
					messages.tryEmitError(ex);
				}
			});
	}

}
