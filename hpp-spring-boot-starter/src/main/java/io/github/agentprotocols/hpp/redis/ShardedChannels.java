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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.commons.redis.RedisClusterTopologyWatch;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.Event;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
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
 * subscription of the instance. Messages published while a channel moves are lost, as
 * with any pub/sub.
 * <p>
 * A channel follows its slot to the slot's new master in either case of a failover:
 * <ul>
 * <li>a planned one ({@code CLUSTER FAILOVER}, or a slot migrated): Redis ends the
 * subscriptions ({@code sunsubscribe}); the channel then refreshes the cluster's topology
 * and subscribes again;</li>
 * <li>a crash: the master's connections are lost and nothing is sent. The application's
 * {@link RedisClusterTopologyWatch} (auto-configured) refreshes the topology every half
 * second until another node holds the slots; each refresh that gives a slot another
 * master subscribes every channel of the slot on it, one {@code SSUBSCRIBE} per channel
 * (Lettuce re-subscribes a returning node's channels in one command, which fails with
 * {@code CROSSSLOT} across slots and succeeds within one: such a stale subscription's
 * messages are ignored).</li>
 * </ul>
 * Every {@code SSUBSCRIBE} waits at most the timeout (a first subscription is sent again
 * twice after it, to its slot's master as the client then knows it, the first one perhaps
 * sent to a master that crashed); a channel that cannot be subscribed (again) is failed,
 * which ends its connections with an error, so that their clients reconnect.
 */
final class ShardedChannels implements SessionChannels {

	private static final Log logger = LogFactory.getLog(ShardedChannels.class);

	private static final Duration RESUBSCRIBE_BACKOFF = Duration.ofMillis(100);

	private static final int RESUBSCRIBE_ATTEMPTS = 50;

	private static final int SUBSCRIBE_RETRIES = 2;

	private static final long ROUTING_CHECK_MILLIS = 10;

	/** Checks whether the client routes a slot to its new master, at most: 2 s. */
	private static final int ROUTING_CHECKS = 200;

	private final RedisClusterClient client;

	private final Duration timeout;

	private final Map<String, Sinks.Many<String>> subscribed = new ConcurrentHashMap<>();

	private final Disposable.Swap events = Disposables.swap();

	private volatile @Nullable Mono<StatefulRedisClusterPubSubConnection<String, String>> connection;

	ShardedChannels(RedisClusterClient client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.events.update(this.client.getResources().eventBus().get().subscribe(this::onEvent));
	}

	@Override
	public Mono<Flux<String>> receiveLater(String channel) {
		return Mono.defer(() -> {
			Sinks.Many<String> messages = Sinks.many().multicast().directBestEffort();
			this.subscribed.put(channel, messages);
			return connection().flatMap((pubSub) -> pubSub.reactive().ssubscribe(channel).timeout(this.timeout))
				.retry(SUBSCRIBE_RETRIES)
				.thenReturn(messages.asFlux().doFinally((signal) -> unsubscribe(channel, messages)))
				.doOnError((ex) -> this.subscribed.remove(channel, messages));
		});
	}

	@Override
	public void close() {
		this.events.update(null);
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
					// an error is not cached: the next subscription connects again
					current = Mono.defer(this::connect).cacheInvalidateIf((connected) -> false);
					this.connection = current;
				}
			}
		}
		return current;
	}

	/**
	 * Connects without holding a thread while Lettuce connects (a thread blocked on a
	 * connection that never completes, as one whose client is shut down meanwhile, would
	 * be lost to Reactor's shared scheduler), within the timeout; a connection made after
	 * the timeout is closed. Only a client that has not read the cluster's topology yet
	 * reads it first, on a thread of its own.
	 */
	private Mono<StatefulRedisClusterPubSubConnection<String, String>> connect() {
		AtomicReference<@Nullable CompletableFuture<StatefulRedisClusterPubSubConnection<String, String>>> connecting = new AtomicReference<>();
		return Mono.fromCallable(this.client::getPartitions)
			.subscribeOn(Schedulers.boundedElastic())
			.then(Mono.defer(() -> {
				CompletableFuture<StatefulRedisClusterPubSubConnection<String, String>> future = this.client
					.connectPubSubAsync(StringCodec.UTF8);
				connecting.set(future);
				return Mono.fromFuture(future, true);
			}))
			.timeout(this.timeout)
			.doOnError(TimeoutException.class, (ex) -> {
				CompletableFuture<StatefulRedisClusterPubSubConnection<String, String>> late = connecting.get();
				if (late != null) {
					late.thenAccept(StatefulRedisClusterPubSubConnection::closeAsync);
				}
			})
			.map(this::listenedTo);
	}

	private StatefulRedisClusterPubSubConnection<String, String> listenedTo(
			StatefulRedisClusterPubSubConnection<String, String> pubSub) {
		pubSub.addListener(new RedisClusterPubSubAdapter<>() {

			@Override
			public void smessage(RedisClusterNode node, String channel, String message) {
				Sinks.Many<String> messages = ShardedChannels.this.subscribed.get(channel);
				if (messages != null && fromMaster(node, channel)) {
					messages.tryEmitNext(message);
				}
			}

			@Override
			public void sunsubscribed(RedisClusterNode node, String channel, long count) {
				if (ShardedChannels.this.subscribed.containsKey(channel)) {
					resubscribe(channel, Mono.fromCompletionStage(ShardedChannels.this.client::refreshPartitionsAsync)
						.thenReturn(true));
				}
			}

		});
		return pubSub;
	}

	/**
	 * Whether a message comes from its slot's master as the client knows it: a crashed
	 * master that comes back as a replica gets its old subscriptions again from Lettuce
	 * when they are all of one slot (a replica serves {@code SSUBSCRIBE} for its master's
	 * slots), which would deliver each message twice.
	 */
	private boolean fromMaster(@Nullable RedisClusterNode node, String channel) {
		RedisClusterNode master = this.client.getPartitions().getMasterBySlot(SlotHash.getSlot(channel));
		// a message on a connection that Lettuce did not bind to a node comes without one
		return master == null || node == null || master.getNodeId().equals(node.getNodeId());
	}

	private void onEvent(Event event) {
		if (event instanceof ClusterTopologyChangedEvent changed) {
			logger.debug("The Redis Cluster topology changed; following " + this.subscribed.size() + " channels");
			this.subscribed.keySet().forEach((channel) -> followSlot(channel, changed));
		}
	}

	/** Subscribes a channel on its slot's master when the topology gave it another. */
	private void followSlot(String channel, ClusterTopologyChangedEvent changed) {
		int slot = SlotHash.getSlot(channel);
		RedisClusterNode before = master(changed.before(), slot);
		RedisClusterNode after = master(changed.after(), slot);
		if (after != null && (before == null || !before.getNodeId().equals(after.getNodeId()))) {
			logger.debug("Subscribing again to " + channel + " on its slot's new master " + after.getUri());
			resubscribe(channel, Mono.fromSupplier(() -> routedTo(slot, after)));
		}
	}

	private static @Nullable RedisClusterNode master(List<RedisClusterNode> nodes, int slot) {
		return nodes.stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.hasSlot(slot))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whether the client sends a slot's commands to the given master yet: the topology
	 * event comes before the client takes the new topology.
	 */
	private boolean routedTo(int slot, RedisClusterNode master) {
		RedisClusterNode routed = this.client.getPartitions().getMasterBySlot(slot);
		return routed != null && routed.getNodeId().equals(master.getNodeId());
	}

	/**
	 * Subscribes again to a channel that is still wanted, once ready says the client is
	 * (asked every {@value #ROUTING_CHECK_MILLIS} ms, the client taking a topology just
	 * after announcing it); fails the channel when it cannot.
	 */
	private void resubscribe(String channel, Mono<Boolean> ready) {
		Mono<Boolean> routed = ready.filter(Boolean::booleanValue)
			.repeatWhenEmpty(ROUTING_CHECKS, (checks) -> checks.delayElements(Duration.ofMillis(ROUTING_CHECK_MILLIS)))
			.switchIfEmpty(
					Mono.error(() -> new IllegalStateException("The topology of " + channel + " is not taken yet")));
		Mono.defer(() -> {
			if (!this.subscribed.containsKey(channel)) {
				return Mono.empty();
			}
			return routed.then(connection())
				.flatMap((pubSub) -> pubSub.reactive().ssubscribe(channel).timeout(this.timeout))
				.then();
		}).retryWhen(Retry.fixedDelay(RESUBSCRIBE_ATTEMPTS, RESUBSCRIBE_BACKOFF)).subscribe(null, (ex) -> {
			logger.warn("Could not subscribe again to " + channel + " on its slot's master", ex);
			Sinks.Many<String> messages = this.subscribed.remove(channel);
			if (messages != null) {
				messages.tryEmitError(ex);
			}
		}, () -> logger.debug("Subscribed again to " + channel));
	}

}
