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

package io.github.agentprotocols.commons.redis;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.lettuce.core.event.Event;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import io.github.agentprotocols.commons.LifecyclePhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Follows a crashed node of a Redis Cluster in the application's Lettuce view, while the
 * application runs: once Lettuce fails to reconnect to a node, the topology is refreshed
 * every half second until every such node is out of the way (holds no slots, and is
 * flagged failed or gone from the view, every slot having a master), is reachable again,
 * or a minute has passed. Does nothing unless the application's connection factory is a
 * Lettuce one to a Redis Cluster.
 * <p>
 * Lettuce's own adaptive refresh runs once at the loss, before the cluster flags the node
 * failed and promotes its replica, and then not for 30 s. The refreshes bring the
 * promotion to the commands of the node's slots, and, with
 * {@link RedisClusterNodeFilter}, the connections Lettuce reconnects to a node of its
 * choice (the one for {@code PUBLISH}, a pub/sub connection) to a live node: their next
 * reconnection attempt after the node left the view (Lettuce spaces them out, doubling,
 * up to 30 s). Each refresh publishes Lettuce's {@code ClusterTopologyChangedEvent} when
 * the topology changed, which sharded subscriptions follow.
 */
public final class RedisClusterTopologyWatch implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisClusterTopologyWatch.class);

	private static final Duration REFRESH_INTERVAL = Duration.ofMillis(500);

	/** Refreshes after a node was lost, at most: a minute. */
	private static final int REFRESHES = 120;

	private final Supplier<@Nullable RedisConnectionFactory> connectionFactory;

	/** The lost nodes by {@code host:port}: Lettuce names one address resolved or not. */
	private final Map<String, InetSocketAddress> lost = new ConcurrentHashMap<>();

	private final Disposable.Swap events = Disposables.swap();

	private final Disposable.Swap refreshing = Disposables.swap();

	private volatile @Nullable RedisClusterClient client;

	/**
	 * Creates a watch.
	 * @param connectionFactory supplies the application's connection factory, or
	 * {@code null} when it has none; asked at start
	 */
	public RedisClusterTopologyWatch(Supplier<@Nullable RedisConnectionFactory> connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public synchronized void start() {
		if (this.client == null && this.connectionFactory.get() instanceof LettuceConnectionFactory lettuce
				&& lettuce.isClusterAware()
				&& lettuce.getRequiredNativeClient() instanceof RedisClusterClient cluster) {
			this.client = cluster;
			this.events.update(cluster.getResources().eventBus().get().subscribe(this::onEvent));
		}
	}

	@Override
	public synchronized void stop() {
		this.events.update(null);
		this.refreshing.update(null);
		this.lost.clear();
		this.client = null;
	}

	@Override
	public boolean isRunning() {
		return this.client != null;
	}

	/**
	 * Before the components that use Redis in the background start, after they stopped:
	 * {@link LifecyclePhases#BACKGROUND_WORK} less one.
	 */
	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK - 1;
	}

	private void onEvent(Event event) {
		RedisClusterClient client = this.client;
		if (client == null) {
			return;
		}
		// whether or not the view still holds the node: a refresh at the loss may have
		// dropped it, flagged failed, before its replica held its slots
		if (event instanceof ReconnectFailedEvent failed && failed.remoteAddress() instanceof InetSocketAddress node) {
			this.lost.put(key(node), node);
			refreshWhileLost(client);
		}
		else if (event instanceof ConnectionActivatedEvent activated
				&& activated.remoteAddress() instanceof InetSocketAddress node) {
			this.lost.remove(key(node));
		}
	}

	/**
	 * Refreshes the topology until no lost node is in the way, for a minute at most; one
	 * such loop at a time.
	 */
	private void refreshWhileLost(RedisClusterClient client) {
		Disposable current = this.refreshing.get();
		if (current != null && !current.isDisposed()) {
			return;
		}
		logger.debug("Lost Redis Cluster nodes " + this.lost.keySet()
				+ "; refreshing the topology until they are out of the way");
		this.refreshing.update(Flux.interval(REFRESH_INTERVAL)
			.onBackpressureDrop()
			.take(REFRESHES)
			.concatMap((tick) -> Mono.fromCompletionStage(client::refreshPartitionsAsync)
				.onErrorResume((ex) -> Mono.empty())
				.then(Mono.fromSupplier(() -> settled(client.getPartitions()))))
			.takeUntil((settled) -> settled)
			.subscribe(null, (ex) -> logger.debug("Could not refresh the Redis Cluster topology", ex)));
	}

	/** Forgets the lost nodes out of the way; whether none is left. */
	private boolean settled(Partitions view) {
		boolean covered = everySlotHasAMaster(view);
		this.lost.values().removeIf((node) -> covered && outOfTheWay(view, node));
		return this.lost.isEmpty();
	}

	private static String key(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

	private static boolean outOfTheWay(Partitions view, InetSocketAddress address) {
		RedisClusterNode node = inView(view, address);
		return node == null || (node.getSlots().isEmpty() && (node.is(NodeFlag.FAIL) || node.is(NodeFlag.NOADDR)));
	}

	private static boolean everySlotHasAMaster(Partitions view) {
		for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
			if (view.getMasterBySlot(slot) == null) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable RedisClusterNode inView(Partitions view, SocketAddress address) {
		if (!(address instanceof InetSocketAddress node)) {
			return null;
		}
		for (RedisClusterNode known : view) {
			if (isAt(known.getUri(), node)) {
				return known;
			}
		}
		return null;
	}

	private static boolean isAt(@Nullable RedisURI uri, InetSocketAddress address) {
		return uri != null && uri.getPort() == address.getPort() && (uri.getHost().equals(address.getHostString())
				|| (address.getAddress() != null && uri.getHost().equals(address.getAddress().getHostAddress())));
	}

}
