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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link SessionBroadcast} across instances through Redis pub/sub. Events are published
 * to a channel per session; an instance subscribes to a session's channel while at least
 * one of its WebSocket connections watches the session (and for a short linger after the
 * last one leaves, so a reloading page does not churn subscriptions) and hands each event
 * to its local connections. Redis delivers the messages of one publisher in the order
 * they were published. Each message carries the trace of its publication, which the
 * receiving instances' observations continue; messages without one are read as well.
 * <p>
 * On a Redis Cluster the channels are sharded ({@code SSUBSCRIBE}, {@code SPUBLISH}): a
 * session's channel lives on the shard that holds the session's keys, so its messages
 * cost nothing on the other shards.
 * <p>
 * Pub/sub is fire-and-forget: events published while an instance is disconnected from
 * Redis (or while a failover moves a session's shard) do not reach its connections. A
 * subscription that cannot be made again after a failover ends its connections with an
 * error, so that their clients reconnect, rather than leaving them silent.
 * <p>
 * When the application stops, once its web server has stopped and before the Redis
 * connection factory does, every subscription and linger is ended.
 */
public class RedisSessionBroadcast implements SessionBroadcast, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisSessionBroadcast.class);

	private static final String EVENT = "event";

	/** Elements per link of a connection's inbox: an idle connection holds one link. */
	private static final int INBOX_LINK = 8;

	/** Counts a new connection of this instance. */
	private static final RedisScript<Long> JOIN = LuaScripts.load(Long.class, RedisSessionBroadcast.class,
			"broadcast-join.lua");

	/** Counts a closed connection of this instance. */
	private static final RedisScript<Long> LEAVE = LuaScripts.load(Long.class, RedisSessionBroadcast.class,
			"broadcast-leave.lua");

	/**
	 * Sums a session's connection counts ({@code watching.lua}, which the paced delivery
	 * uses to count them as it fills a batch).
	 */
	private static final RedisScript<Long> CONNECTIONS = LuaScripts.load(Long.class, RedisSessionBroadcast.class,
			"watching.lua", "broadcast-connections.lua");

	/** Publishes messages to a channel in order. */
	private static final RedisScript<Long> PUBLISH_ALL = LuaScripts.load(Long.class, RedisSessionBroadcast.class,
			"broadcast-publish-all.lua");

	private final String instance = UUID.randomUUID().toString();

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private final ReactiveStringRedisTemplate redis;

	private final SessionChannels subscriptions;

	private final boolean sharded;

	private final Map<RedisScript<?>, RedisScript<?>> publishing = new ConcurrentHashMap<>();

	private final RedisKeys keys;

	private final Duration linger;

	private final Duration connectionsRetention;

	private volatile Disposable.Composite lingers = Disposables.composite();

	private volatile boolean running;

	private HandshakeObservations observations = HandshakeObservations.NOOP;

	/**
	 * Creates a broadcast.
	 * @param connectionFactory the Redis connection factory
	 * @param timeout how long a script or a sharded subscription waits for Redis at most
	 * @param keys the key and channel names
	 * @param linger how long a session's channel stays subscribed after its last local
	 * connection left
	 * @param connectionsRetention how long the connection count of a session is kept
	 * after it last changed; at least the longest session lifetime
	 */
	public RedisSessionBroadcast(ReactiveRedisConnectionFactory connectionFactory, Duration timeout, RedisKeys keys,
			Duration linger, Duration connectionsRetention) {
		this.redis = new RetryingRedisTemplate(connectionFactory, timeout);
		this.subscriptions = SessionChannels.of(connectionFactory, timeout);
		this.sharded = SessionChannels.isCluster(connectionFactory);
		this.keys = keys;
		this.linger = linger;
		this.connectionsRetention = connectionsRetention;
	}

	/**
	 * Sets what observes the events published and received.
	 * @param observations the observations
	 */
	public void setObservations(HandshakeObservations observations) {
		this.observations = observations;
	}

	@Override
	public Mono<Void> publish(String sessionId, HandshakeEvent event) {
		return this.observations.publish(sessionId, EVENT,
				(fields) -> publish(sessionId, List.of(TraceFields.write(event.frame(), fields))));
	}

	/**
	 * Publishes several events of a session in order, in one round trip (a script that
	 * publishes each in turn). Each event's publication is observed as {@link #publish}
	 * observes it, while its message is written; the messages are sent together
	 * afterwards.
	 * @param sessionId the session id
	 * @param events the events, in order
	 * @return completes once all are published
	 */
	public Mono<Void> publishAll(String sessionId, List<HandshakeEvent> events) {
		return messages(sessionId, events).flatMap((messages) -> publish(sessionId, messages));
	}

	private Mono<Void> publish(String sessionId, List<String> messages) {
		if (!this.sharded && messages.size() == 1) {
			return this.redis.convertAndSend(channel(sessionId), messages.get(0)).then();
		}
		return this.redis.execute(publishing(PUBLISH_ALL), List.of(channel(sessionId)), messages).then();
	}

	/**
	 * A script that publishes to sessions' channels, in the form this broadcast's Redis
	 * takes: as it is ({@code PUBLISH}) on a stand-alone Redis, with {@code SPUBLISH} on
	 * a Redis Cluster, where each session's channel is sharded (a script names the
	 * channel among its keys).
	 * @param <T> the script's result type
	 * @param script the script, written with {@code PUBLISH}
	 * @return the script to run
	 */
	@SuppressWarnings("unchecked")
	<T> RedisScript<T> publishing(RedisScript<T> script) {
		if (!this.sharded) {
			return script;
		}
		return (RedisScript<T>) this.publishing.computeIfAbsent(script, (plain) -> RedisScript
			.of(plain.getScriptAsString().replace("'PUBLISH'", "'SPUBLISH'"), plain.getResultType()));
	}

	/**
	 * Writes the messages that publish events of a session, each publication observed as
	 * {@link #publish} observes it, for a script that publishes them to the
	 * {@linkplain #channel session's channel} in order.
	 * @param sessionId the session id
	 * @param events the events, in order
	 * @return the messages, in order
	 */
	Mono<List<String>> messages(String sessionId, List<HandshakeEvent> events) {
		return Mono.defer(() -> {
			List<String> messages = new ArrayList<>(events.size());
			return Flux.fromIterable(events)
				.concatMap((event) -> this.observations.publish(sessionId, EVENT,
						(fields) -> Mono.fromRunnable(() -> messages.add(TraceFields.write(event.frame(), fields)))))
				.then(Mono.fromSupplier(() -> messages));
		});
	}

	/**
	 * The channel a session's events are published to.
	 * @param sessionId the session id
	 * @return the channel's name
	 */
	String channel(String sessionId) {
		return this.keys.events(sessionId);
	}

	/**
	 * The hash that counts the connections watching a session per instance, which a
	 * script sums as {@link #connections} does.
	 * @param sessionId the session id
	 * @return the key
	 */
	String connectionCounts(String sessionId) {
		return this.keys.connections(sessionId);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Events published before the Redis subscription is confirmed are not seen; use
	 * {@link #subscribe(String, HandshakeEvent)} to know when it is.
	 */
	@Override
	public Flux<HandshakeEvent> subscribe(String sessionId) {
		return watch(sessionId, null);
	}

	@Override
	public Flux<HandshakeEvent> subscribe(String sessionId, HandshakeEvent greeting) {
		return watch(sessionId, greeting);
	}

	@Override
	public Mono<Integer> connections(String sessionId) {
		return this.redis.execute(CONNECTIONS, List.of(this.keys.connections(sessionId)))
			.next()
			.map(Long::intValue)
			.defaultIfEmpty(0);
	}

	private Flux<HandshakeEvent> watch(String sessionId, @Nullable HandshakeEvent greeting) {
		return Flux.defer(() -> {
			Sinks.Many<HandshakeEvent> inbox = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<HandshakeEvent>unbounded(INBOX_LINK).get());
			Channel channel = this.channels.compute(sessionId,
					(id, current) -> ((current != null) ? current : new Channel(id)).join(inbox));
			Flux<HandshakeEvent> events = (greeting != null) ? inbox.asFlux().startWith(greeting) : inbox.asFlux();
			Mono<Long> counted = count(JOIN, sessionId).cache();
			counted.subscribe(null, (ex) -> logger.debug("Could not count a new connection", ex));
			return counted.then(channel.ready())
				.thenMany(events)
				.doFinally((signal) -> leave(sessionId, inbox, counted));
		});
	}

	private void leave(String sessionId, Sinks.Many<HandshakeEvent> inbox, Mono<Long> counted) {
		this.channels.computeIfPresent(sessionId, (id, channel) -> channel.leave(inbox));
		counted.then(count(LEAVE, sessionId))
			.subscribe(null, (ex) -> logger.debug("Could not count a closed connection", ex));
		Disposable.Swap linger = Disposables.swap();
		this.lingers.add(linger);
		linger.update(Mono.delay(this.linger).subscribe((tick) -> {
			this.lingers.remove(linger);
			this.channels.computeIfPresent(sessionId, (id, channel) -> channel.isIdle() ? channel.close() : channel);
		}));
	}

	private Mono<Long> count(RedisScript<Long> script, String sessionId) {
		return this.redis
			.execute(script, List.of(this.keys.connections(sessionId)),
					List.of(this.instance, Long.toString(this.connectionsRetention.toMillis())))
			.next();
	}

	@Override
	public void start() {
		this.lingers = Disposables.composite();
		this.subscriptions.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		destroy();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK;
	}

	@Override
	public void destroy() {
		this.lingers.dispose();
		this.channels.values().forEach(Channel::close);
		this.channels.clear();
		this.subscriptions.close();
	}

	/**
	 * One session's Redis subscription on this instance and the local connections it
	 * feeds. Joined and left only inside the channel map's compute lock.
	 */
	private final class Channel {

		private final String sessionId;

		private final List<Sinks.Many<HandshakeEvent>> inboxes = new CopyOnWriteArrayList<>();

		private final Sinks.Empty<Void> subscribed = Sinks.empty();

		private final Disposable.Swap messages = Disposables.swap();

		/**
		 * Subscribes to the session's channel; the channel counts as subscribed once
		 * Redis confirmed the {@code SUBSCRIBE} and the stream of its messages is
		 * subscribed to, so that closing it never cancels that stream while it is being
		 * subscribed to (Spring Data Redis's shared message stream then ends with an
		 * error that Reactor drops).
		 */
		Channel(String sessionId) {
			this.sessionId = sessionId;
			RedisSessionBroadcast.this.subscriptions.receiveLater(RedisSessionBroadcast.this.keys.events(sessionId))
				.subscribe((messages) -> {
					this.messages.update(messages.subscribe(this::deliver, this::fail));
					this.subscribed.tryEmitEmpty();
				}, this::fail);
		}

		Mono<Void> ready() {
			return this.subscribed.asMono();
		}

		Channel join(Sinks.Many<HandshakeEvent> inbox) {
			this.inboxes.add(inbox);
			return this;
		}

		Channel leave(Sinks.Many<HandshakeEvent> inbox) {
			this.inboxes.remove(inbox);
			return this;
		}

		boolean isIdle() {
			return this.inboxes.isEmpty();
		}

		/**
		 * Ends the Redis subscription once it is confirmed (or has failed): cancelled
		 * while its {@code SUBSCRIBE} is on its way, a command traced by Micrometer
		 * throws into the cancel (Lettuce stops the span before it has started it).
		 * @return {@code null}, to leave the channel map
		 */
		@Nullable Channel close() {
			this.subscribed.asMono().onErrorComplete().subscribe(null, null, this.messages::dispose);
			return null;
		}

		private void deliver(String text) {
			ObjectNode frame;
			try {
				frame = (ObjectNode) HppJson.read(text);
			}
			catch (RuntimeException ex) {
				logger.warn("Ignored a malformed event on the channel of a handshake session", ex);
				return;
			}
			Map<String, String> fields = TraceFields.remove(frame);
			HandshakeEvent event = new HandshakeEvent(frame);
			RedisSessionBroadcast.this.observations.receive(this.sessionId, EVENT, fields, () -> {
				for (Sinks.Many<HandshakeEvent> inbox : this.inboxes) {
					inbox.tryEmitNext(event);
				}
			});
		}

		private void fail(Throwable error) {
			logger.warn("Redis subscription of a handshake session failed", error);
			RedisSessionBroadcast.this.channels.remove(this.sessionId, this);
			this.subscribed.tryEmitError(error);
			for (Sinks.Many<HandshakeEvent> inbox : this.inboxes) {
				inbox.tryEmitError(error);
			}
		}

	}

}
