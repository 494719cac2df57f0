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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.PacedBatch;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.HppJson;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link PacedDelivery} across instances: a session's batches, from whichever instance
 * took the agent's request, wait in one Redis list, and one instance at a time (the
 * holder of the session's delivery lease) delivers them in list order. So browsers see
 * every batch's {@code action} events and its {@code done} together, and batches in the
 * order their requests were answered, whichever instances answered them.
 * <p>
 * The lease expires if its holder dies; batches it had not started are then delivered
 * with the session's next batch, even one refused because the list is full.
 * <p>
 * The list and the places reserved in it by action requests not yet answered (a sorted
 * set beside it) hold at most the allowed backlog: a reservation beyond it is refused
 * with a {@link DeliveryBacklogFullException}. Reserving and filling a place are one
 * script each, so instances never overrun the bound between them. The lease holder takes
 * one batch per round trip, so a long list costs it neither stack nor memory.
 * <p>
 * When the application stops, once its web server has stopped and before the Redis
 * connection factory does, deliveries in flight are cancelled and their leases released,
 * so that nothing is published through a stopped connection and another instance delivers
 * the waiting batches with the session's next batch; batches queued from then on wait for
 * that too.
 * <p>
 * A batch in the list carries the trace of the request that queued it, so its delivery,
 * whichever instance makes it, continues that trace.
 */
public class RedisPacedDelivery implements PacedDelivery, SmartLifecycle {

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

	/** The first pause before releasing a failed delivery's lease again; it doubles. */
	private static final Duration RELEASE_BACKOFF = Duration.ofMillis(100);

	/** The longest pause before releasing a failed delivery's lease again. */
	private static final Duration RELEASE_MAX_BACKOFF = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(RedisPacedDelivery.class);

	private static final String BATCH = "batch";

	/**
	 * Reserves a batch's place in a session's list ({@code reserving.lua}, which the
	 * store's admission of an action request uses to reserve in the same step).
	 */
	private static final RedisScript<Long> RESERVE = LuaScripts.load(Long.class, RedisPacedDelivery.class,
			"reserving.lua", "delivery-reserve.lua");

	/**
	 * Turns a reservation into a batch and counts the connections that watch the session;
	 * publishes the batch at once when nothing waits, else queues it and takes the lease
	 * and the first batches ({@code taking.lua}) if no instance holds it.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> FILL = LuaScripts.load(List.class, RedisPacedDelivery.class, "reserving.lua",
			"taking.lua", "watching.lua", "delivery-fill.lua");

	/** Takes the batches to deliver next while this instance holds the lease. */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> NEXT = LuaScripts.load(List.class, RedisPacedDelivery.class, "taking.lua",
			"delivery-next.lua");

	/**
	 * Publishes the frames of a run of batches in order, then takes the batches to
	 * deliver next while this instance holds the lease.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> PUBLISH_NEXT = LuaScripts.load(List.class, RedisPacedDelivery.class, "taking.lua",
			"delivery-publish-next.lua");

	/** How a batch without pauses starts in the list: its pause comes first. */
	private static final String UNPAUSED = "{\"pause\":0,";

	/** The most batches without pauses taken and published in one round trip each. */
	private static final int RUN = 64;

	/** Releases the lease if this instance holds it. */
	private static final RedisScript<Long> RELEASE = LuaScripts.load(Long.class, RedisPacedDelivery.class,
			"delivery-release.lua");

	private final String instance = UUID.randomUUID().toString();

	private final ReactiveStringRedisTemplate redis;

	private final SessionBroadcast broadcast;

	private final RedisKeys keys;

	private final Duration lease;

	private final int maxQueuedBatches;

	private final Set<String> delivering = ConcurrentHashMap.newKeySet();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private volatile boolean running;

	/**
	 * Whether deliveries may start: false once stopped, until started again, so that a
	 * batch queued then leaves the lease to another instance.
	 */
	private volatile boolean startsDeliveries = true;

	private HandshakeObservations observations = HandshakeObservations.NOOP;

	/**
	 * Creates the delivery.
	 * @param redis the Redis client
	 * @param broadcast where the events go
	 * @param keys the key names
	 * @param maxBatch the longest pacing of one batch; the delivery lease lasts this long
	 * plus a margin, and waiting batches are kept this long plus a margin
	 * @param maxQueuedBatches how many batches of one session may wait in its list
	 */
	public RedisPacedDelivery(ReactiveStringRedisTemplate redis, SessionBroadcast broadcast, RedisKeys keys,
			Duration maxBatch, int maxQueuedBatches) {
		Assert.isTrue(maxQueuedBatches > 0, "maxQueuedBatches must be positive");
		this.redis = redis;
		this.broadcast = broadcast;
		this.keys = keys;
		this.lease = maxBatch.plusSeconds(30);
		this.maxQueuedBatches = maxQueuedBatches;
	}

	/**
	 * Sets what observes the batches queued and delivered.
	 * @param observations the observations
	 */
	public void setObservations(HandshakeObservations observations) {
		this.observations = observations;
	}

	@Override
	public Mono<Void> enqueue(String sessionId, PacedBatch batch) {
		return reserve(sessionId).flatMap((slot) -> slot.fill(batch));
	}

	/**
	 * Reserves a place in the session's list. A reservation lapses after the delivery
	 * lease's duration if its request neither fills nor releases it, for example because
	 * its instance died. A refused reservation still sets waiting batches going if no
	 * instance delivers them.
	 */
	@Override
	public Mono<Slot> reserve(String sessionId) {
		Reservation reservation = reservation(sessionId);
		return Mono.defer(() -> this.redis.execute(RESERVE, reservation.keys(), reservation.args()).next())
			.flatMap((reserved) -> (reserved == 1) ? Mono.just(reservation.slot()) : refused(sessionId));
	}

	/**
	 * A reservation for a script of another component, such as the store's admission of
	 * an action request, that reserves with {@code reserving.lua} in the same Redis.
	 * @param sessionId the session id
	 * @return the reservation's keys, arguments and place
	 */
	Reservation reservation(String sessionId) {
		String id = UUID.randomUUID().toString();
		return new Reservation(List.of(this.keys.deliveries(sessionId), this.keys.reservations(sessionId)),
				List.of(id, Long.toString(this.lease.toMillis()), Integer.toString(this.maxQueuedBatches)),
				new RedisSlot(sessionId, id));
	}

	/**
	 * How a script that reserves a batch's place may publish the batch at once instead,
	 * as {@code FILL} would have ({@code publishing.lua}): when the broadcast is a
	 * {@link RedisSessionBroadcast}, deliveries may start, and publications are not
	 * observed (their messages would carry the fields of an observation of their own).
	 * @param sessionId the session id
	 * @return the publication, or {@code null} when the batch is queued by its slot
	 */
	@Nullable Publication publication(String sessionId) {
		if (!(this.broadcast instanceof RedisSessionBroadcast redisBroadcast) || !this.startsDeliveries
				|| !this.observations.isNoop()) {
			return null;
		}
		return new Publication(List.of(this.keys.deliverer(sessionId), redisBroadcast.connectionCounts(sessionId),
				redisBroadcast.channel(sessionId)), redisBroadcast);
	}

	/**
	 * Refuses a reservation because the list is full, and sets the waiting batches going
	 * if no instance delivers them.
	 * @param <T> the expected type
	 * @param sessionId the session id
	 * @return fails with a {@link DeliveryBacklogFullException}
	 */
	<T> Mono<T> refused(String sessionId) {
		startDraining(sessionId);
		return Mono.error(new DeliveryBacklogFullException(this.maxQueuedBatches));
	}

	private void startDraining(String sessionId) {
		inBackground(drain(sessionId));
	}

	private void inBackground(Mono<Void> delivery) {
		delivery.takeUntilOther(this.stopped.asMono())
			.subscribe(null, (ex) -> logger.warn("Could not deliver the events of a handshake session", ex));
	}

	/**
	 * Delivers the session's waiting batches if no instance holds its lease.
	 * @param sessionId the session id
	 * @return completes when the list is empty, or at once if another instance delivers
	 */
	Mono<Void> drain(String sessionId) {
		return this.redis.opsForValue()
			.setIfAbsent(this.keys.deliverer(sessionId), this.instance, this.lease)
			.filter(Boolean::booleanValue)
			.flatMap((leased) -> leased(sessionId, next(sessionId)));
	}

	/**
	 * Delivers batches while this instance holds the session's lease, the first ones
	 * already taken, then releases the lease if the delivery fails.
	 */
	private Mono<Void> leased(String sessionId, Mono<List<String>> first) {
		return Mono.defer(() -> {
			this.delivering.add(sessionId);
			return first.flatMap((batches) -> deliverFrom(sessionId, batches))
				.onErrorResume((ex) -> releaseAfterFailure(sessionId).then(Mono.error(ex)))
				.doFinally((signal) -> this.delivering.remove(sessionId));
		});
	}

	/**
	 * Releases the lease of a failed delivery, again and again while Redis does not
	 * answer, for as long as the lease lasts at most: a delivery fails when the master
	 * that holds the session crashes, and the lease, replicated, outlives it on the
	 * promoted replica, where it would hold back the session's next batches until it
	 * expired (a lease's life is the longest batch plus 30 s).
	 */
	private Mono<Void> releaseAfterFailure(String sessionId) {
		return release(sessionId)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, RELEASE_BACKOFF)
				.maxBackoff(RELEASE_MAX_BACKOFF)
				.doBeforeRetry((retry) -> logger
					.debug("Could not release the delivery lease of a handshake session yet", retry.failure())))
			.timeout(this.lease)
			.onErrorResume((ex) -> {
				logger.debug("Could not release the delivery lease of a handshake session", ex);
				return Mono.empty();
			});
	}

	/**
	 * Delivers the batches taken, then the next ones, until the list is empty. Each round
	 * starts afresh once the previous delivery is done, so the stack does not grow with
	 * the backlog.
	 */
	private Mono<Void> deliverFrom(String sessionId, List<String> first) {
		AtomicReference<List<String>> taken = new AtomicReference<>(first);
		return Mono.defer(() -> {
			List<String> batches = taken.get();
			return batches.isEmpty() ? Mono.just(false)
					: deliver(sessionId, batches).doOnNext(taken::set).thenReturn(true);
		}).repeat().takeWhile(Boolean::booleanValue).then();
	}

	private Mono<List<String>> next(String sessionId) {
		return Mono
			.defer(() -> this.redis
				.execute(NEXT, List.of(this.keys.deliveries(sessionId), this.keys.deliverer(sessionId)), taking())
				.next())
			.map(RedisPacedDelivery::strings);
	}

	/** This instance, then the arguments of {@code take} ({@code taking.lua}). */
	private List<String> taking() {
		return taking(this.instance);
	}

	private List<String> taking(String instance) {
		return List.of(instance, Long.toString(this.lease.toMillis()), Integer.toString(RUN), UNPAUSED);
	}

	private static List<String> strings(List<?> reply) {
		return reply.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	private Mono<Void> release(String sessionId) {
		return this.redis.execute(RELEASE, List.of(this.keys.deliverer(sessionId)), List.of(this.instance)).then();
	}

	@Override
	public void start() {
		this.stopped = Sinks.empty();
		this.startsDeliveries = true;
		this.running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.startsDeliveries = false;
		List<String> leased = List.copyOf(this.delivering);
		this.stopped.tryEmitEmpty();
		Flux.fromIterable(leased)
			.flatMap(this::release)
			.then()
			.timeout(RELEASE_TIMEOUT)
			.doFinally((signal) -> callback.run())
			.subscribe(null, (ex) -> logger.debug("Could not release the delivery leases of handshake sessions", ex));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK;
	}

	/**
	 * Delivers batches taken together, then takes the next ones: a run of batches without
	 * pauses published in the same script that takes them, a paced batch through the
	 * broadcast, event by event; each batch's delivery observed.
	 */
	private Mono<List<String>> deliver(String sessionId, List<String> texts) {
		List<Observation> received = new ArrayList<>(texts.size());
		List<PacedBatch> batches = new ArrayList<>(texts.size());
		for (String text : texts) {
			ObjectNode json = (ObjectNode) HppJson.read(text);
			received.add(this.observations.receive(sessionId, BATCH, TraceFields.remove(json), () -> {
			}));
			List<HandshakeEvent> actions = new ArrayList<>();
			json.path("actions").forEach((frame) -> actions.add(new HandshakeEvent((ObjectNode) frame)));
			batches.add(new PacedBatch(actions, new HandshakeEvent((ObjectNode) json.get("done")),
					Duration.ofNanos(json.path("pause").asLong(0))));
		}
		if (batches.get(0).pause().isZero() && this.broadcast instanceof RedisSessionBroadcast redisBroadcast) {
			List<HandshakeEvent> events = new ArrayList<>();
			batches.forEach((batch) -> {
				events.addAll(batch.actions());
				events.add(batch.done());
			});
			Mono<List<String>> next = redisBroadcast.messages(sessionId, events).flatMap((messages) -> {
				List<String> args = new ArrayList<>(taking());
				args.addAll(messages);
				return this.redis
					.execute(redisBroadcast.publishing(PUBLISH_NEXT), List.of(redisBroadcast.channel(sessionId),
							this.keys.deliveries(sessionId), this.keys.deliverer(sessionId)), args)
					.next();
			}).map(RedisPacedDelivery::strings).cache();
			Mono<Void> published = next.then().onErrorResume((ex) -> {
				logger.warn("Could not deliver the events of a handshake session's batches", ex);
				return Mono.empty();
			});
			return Flux.fromIterable(received)
				.concatMap((observation) -> this.observations.deliver(sessionId, observation, published))
				.then(next.onErrorResume((ex) -> next(sessionId)));
		}
		return Flux.range(0, batches.size())
			.concatMap((i) -> this.observations.deliver(sessionId, received.get(i),
					batches.get(i).publish(this.broadcast, sessionId)))
			.then(next(sessionId));
	}

	private static ObjectNode encode(PacedBatch batch) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("pause", batch.pause().toNanos());
		ArrayNode frames = json.putArray("actions");
		batch.actions().forEach((event) -> frames.add(event.frame()));
		json.set("done", batch.done().frame());
		return json;
	}

	/**
	 * A place reserved in a session's list.
	 */
	private final class RedisSlot extends AbstractSlot {

		private final String sessionId;

		private final String id;

		RedisSlot(String sessionId, String id) {
			this.sessionId = sessionId;
			this.id = id;
		}

		@Override
		protected Mono<Void> doFill(PacedBatch batch) {
			return doFill(batch, null).then();
		}

		/**
		 * {@inheritDoc}
		 * <p>
		 * One script, which also counts the connections when the broadcast is a
		 * {@link RedisSessionBroadcast}, and then publishes a batch without pauses at
		 * once if nothing is waiting or being delivered (its events carry the trace of
		 * the batch's publication, and its delivery is observed as done); otherwise
		 * queues the batch, and takes the session's lease and its first batches if no
		 * instance delivers them.
		 */
		@Override
		protected Mono<Integer> doFill(PacedBatch batch, @Nullable Mono<Integer> connections) {
			RedisPacedDelivery delivery = RedisPacedDelivery.this;
			return Mono.deferContextual((context) -> {
				AtomicReference<List<String>> reply = new AtomicReference<>(List.of());
				return delivery.observations
					.publish(this.sessionId, BATCH, (fields) -> queue(batch, fields).doOnNext(reply::set).then())
					.then(Mono.defer(() -> filled(reply.get(), connections, HandshakeObservations.current(context))));
			});
		}

		@SuppressWarnings("rawtypes")
		private Mono<List<String>> queue(PacedBatch batch, Map<String, String> fields) {
			RedisPacedDelivery delivery = RedisPacedDelivery.this;
			List<String> keys = new ArrayList<>(5);
			keys.add(delivery.keys.deliveries(this.sessionId));
			keys.add(delivery.keys.reservations(this.sessionId));
			keys.add(delivery.keys.deliverer(this.sessionId));
			List<String> args = new ArrayList<>(9 + batch.actions().size());
			args.add(this.id);
			args.add(TraceFields.write(encode(batch), fields));
			args.add(Long.toString(delivery.lease.multipliedBy(2).toMillis()));
			args.add(Integer.toString(delivery.maxQueuedBatches));
			args.addAll(delivery.startsDeliveries ? delivery.taking() : delivery.taking(""));
			RedisScript<List> fill = FILL;
			if (delivery.broadcast instanceof RedisSessionBroadcast redisBroadcast) {
				fill = redisBroadcast.publishing(FILL);
				keys.add(redisBroadcast.connectionCounts(this.sessionId));
				keys.add(redisBroadcast.channel(this.sessionId));
				if (batch.pause().isZero() && delivery.startsDeliveries) {
					batch.actions().forEach((event) -> args.add(TraceFields.write(event.frame(), fields)));
					args.add(TraceFields.write(batch.done().frame(), fields));
				}
			}
			return delivery.redis.execute(fill, keys, args).next().map(RedisPacedDelivery::strings);
		}

		private Mono<Integer> filled(List<String> reply, @Nullable Mono<Integer> connections,
				@Nullable Observation action) {
			RedisPacedDelivery delivery = RedisPacedDelivery.this;
			String outcome = reply.get(0);
			if (reply.size() > 2) {
				delivery.inBackground(delivery.leased(this.sessionId, Mono.just(reply.subList(2, reply.size()))));
			}
			Mono<Void> delivered = "2".equals(outcome)
					? delivery.observations.deliver(this.sessionId, action, Mono.empty()) : Mono.empty();
			if ("0".equals(outcome)) {
				return Mono.error(new DeliveryBacklogFullException(delivery.maxQueuedBatches));
			}
			if (connections == null) {
				return delivered.thenReturn(0);
			}
			return delivered.then((delivery.broadcast instanceof RedisSessionBroadcast)
					? Mono.just(Integer.parseInt(reply.get(1))) : connections);
		}

		@Override
		protected Mono<Void> doRelease() {
			return RedisPacedDelivery.this.redis.opsForZSet()
				.remove(RedisPacedDelivery.this.keys.reservations(this.sessionId), this.id)
				.then();
		}

	}

	/**
	 * The place of a batch that a reserving script published at once: filling it answers
	 * the connections that watched the session then.
	 */
	private static final class PublishedSlot extends AbstractSlot {

		private final int connections;

		PublishedSlot(int connections) {
			this.connections = connections;
		}

		@Override
		protected Mono<Void> doFill(PacedBatch batch) {
			return Mono.empty();
		}

		@Override
		protected Mono<Integer> doFill(PacedBatch batch, @Nullable Mono<Integer> connections) {
			return Mono.just(this.connections);
		}

		@Override
		protected Mono<Void> doRelease() {
			return Mono.empty();
		}

	}

	/**
	 * How a reserving script publishes a batch at once ({@code publishing.lua}).
	 *
	 * @param keys the delivery lease, the connection counts and the channel, after the
	 * reservation's keys
	 * @param broadcast the broadcast whose channel it is
	 */
	record Publication(List<String> keys, RedisSessionBroadcast broadcast) {

		/**
		 * The script in the form the broadcast's Redis takes.
		 * @param <T> the script's result type
		 * @param script the script, written with {@code PUBLISH}
		 * @return the script to run
		 */
		<T> RedisScript<T> script(RedisScript<T> script) {
			return this.broadcast.publishing(script);
		}

		/**
		 * The place of the batch the script published.
		 * @param connections the connections that watched the session then
		 * @return the place, filled with the batch already
		 */
		PacedDelivery.Slot published(int connections) {
			return new PublishedSlot(connections);
		}

	}

	/**
	 * A place to reserve in a session's list from a script.
	 *
	 * @param keys the list and the reservations, for {@code reserve}
	 * ({@code reserving.lua})
	 * @param args the reservation id, its lifetime and the bound, for {@code reserve}
	 * ({@code reserving.lua})
	 * @param slot the place once reserved
	 */
	record Reservation(List<String> keys, List<String> args, Slot slot) {

	}

}
