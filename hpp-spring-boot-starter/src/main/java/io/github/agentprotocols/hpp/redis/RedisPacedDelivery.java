package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
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

	/**
	 * After the web server has stopped taking requests ({@code DEFAULT_PHASE - 2048}),
	 * before the connection factory stops (phase 0).
	 */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(RedisPacedDelivery.class);

	private static final String BATCH = "batch";

	/**
	 * Purges lapsed reservations, then reserves a place if the list and the reservations
	 * leave one. KEYS: list, reservations; ARGV: reservation id, reservation lifetime
	 * (ms), bound.
	 */
	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
			if redis.call('LLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
			redis.call('PEXPIRE', KEYS[2], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * Turns a reservation into a batch at the end of the list. A reservation that lapsed
	 * meanwhile takes a place only if one is free. KEYS: list, reservations; ARGV:
	 * reservation id, batch, list lifetime (ms), bound.
	 */
	private static final RedisScript<Long> FILL = RedisScript.of("""
			if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then
				local time = redis.call('TIME')
				local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
				redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
				if redis.call('LLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 0 end
			end
			redis.call('RPUSH', KEYS[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	/**
	 * Takes the next batch, or the run of batches without pauses at the head of the list
	 * (up to ARGV[3]), whose encoding starts with {@link #UNPAUSED}, while this instance
	 * holds the lease; releases the lease when the list is empty.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> NEXT = RedisScript.of("""
			if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {} end
			local batches = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[3]) - 1)
			if #batches == 0 then
				redis.call('DEL', KEYS[2])
				return {}
			end
			local taken = 1
			local function unpaused(batch) return string.sub(batch, 1, #ARGV[4]) == ARGV[4] end
			if unpaused(batches[1]) then
				while taken < #batches and unpaused(batches[taken + 1]) do taken = taken + 1 end
			end
			redis.call('LTRIM', KEYS[1], taken, -1)
			redis.call('PEXPIRE', KEYS[2], ARGV[2])
			return { unpack(batches, 1, taken) }
			""", List.class);

	/** How a batch without pauses starts in the list: its pause comes first. */
	private static final String UNPAUSED = "{\"pause\":0,";

	/** The most batches without pauses taken and published in one round trip each. */
	private static final int RUN = 64;

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""", Long.class);

	private final String instance = UUID.randomUUID().toString();

	private final ReactiveStringRedisTemplate redis;

	private final SessionBroadcast broadcast;

	private final RedisKeys keys;

	private final Duration lease;

	private final int maxQueuedBatches;

	private final Set<String> delivering = ConcurrentHashMap.newKeySet();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private volatile boolean running;

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
		String id = UUID.randomUUID().toString();
		return Mono
			.defer(() -> this.redis
				.execute(RESERVE, List.of(this.keys.deliveries(sessionId), this.keys.reservations(sessionId)),
						List.of(id, Long.toString(this.lease.toMillis()), Integer.toString(this.maxQueuedBatches)))
				.next())
			.flatMap((reserved) -> {
				if (reserved == 1) {
					return Mono.just(new RedisSlot(sessionId, id));
				}
				startDraining(sessionId);
				return Mono.error(new DeliveryBacklogFullException(this.maxQueuedBatches));
			});
	}

	private void startDraining(String sessionId) {
		drain(sessionId).takeUntilOther(this.stopped.asMono())
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
			.flatMap((leased) -> {
				this.delivering.add(sessionId);
				return deliverQueued(sessionId).onErrorResume((ex) -> release(sessionId).then(Mono.error(ex)))
					.doFinally((signal) -> this.delivering.remove(sessionId));
			});
	}

	/**
	 * Takes and delivers one batch after the other until the list is empty, a run of
	 * batches without pauses at a time. Each round starts afresh once the previous
	 * delivery is done, so the stack does not grow with the backlog.
	 */
	private Mono<Void> deliverQueued(String sessionId) {
		return Mono
			.defer(() -> this.redis
				.execute(NEXT, List.of(this.keys.deliveries(sessionId), this.keys.deliverer(sessionId)),
						List.of(this.instance, Long.toString(this.lease.toMillis()), Integer.toString(RUN), UNPAUSED))
				.next())
			.map((batches) -> ((List<?>) batches).stream()
				.filter(String.class::isInstance)
				.map(String.class::cast)
				.toList())
			.filter((batches) -> !batches.isEmpty())
			.flatMap((batches) -> deliver(sessionId, batches).thenReturn(true))
			.defaultIfEmpty(false)
			.repeat()
			.takeWhile(Boolean::booleanValue)
			.then();
	}

	private Mono<Void> release(String sessionId) {
		return this.redis.execute(RELEASE, List.of(this.keys.deliverer(sessionId)), List.of(this.instance)).then();
	}

	@Override
	public void start() {
		this.stopped = Sinks.empty();
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
		return PHASE;
	}

	/**
	 * Delivers batches taken together: one batch as it was queued, a run of batches
	 * without pauses through a Redis broadcast in one round trip, each batch's delivery
	 * observed.
	 */
	private Mono<Void> deliver(String sessionId, List<String> texts) {
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
			Mono<Void> published = redisBroadcast.publishAll(sessionId, events).onErrorResume((ex) -> {
				logger.warn("Could not deliver the events of a handshake session's batches", ex);
				return Mono.empty();
			}).cache();
			return Flux.fromIterable(received)
				.concatMap((observation) -> this.observations.deliver(sessionId, observation, published))
				.then();
		}
		return Flux.range(0, batches.size())
			.concatMap((i) -> this.observations.deliver(sessionId, received.get(i),
					batches.get(i).publish(this.broadcast, sessionId)))
			.then();
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
			return RedisPacedDelivery.this.observations.publish(this.sessionId, BATCH,
					(fields) -> queue(batch, fields));
		}

		private Mono<Void> queue(PacedBatch batch, Map<String, String> fields) {
			return RedisPacedDelivery.this.redis
				.execute(FILL,
						List.of(RedisPacedDelivery.this.keys.deliveries(this.sessionId),
								RedisPacedDelivery.this.keys.reservations(this.sessionId)),
						List.of(this.id, HppJson.write(TraceFields.with(encode(batch), fields)),
								Long.toString(RedisPacedDelivery.this.lease.multipliedBy(2).toMillis()),
								Integer.toString(RedisPacedDelivery.this.maxQueuedBatches)))
				.next()
				.flatMap((queued) -> {
					startDraining(this.sessionId);
					return (queued == 1) ? Mono.<Void>empty()
							: Mono.error(new DeliveryBacklogFullException(RedisPacedDelivery.this.maxQueuedBatches));
				});
		}

		@Override
		protected Mono<Void> doRelease() {
			return RedisPacedDelivery.this.redis.opsForZSet()
				.remove(RedisPacedDelivery.this.keys.reservations(this.sessionId), this.id)
				.then();
		}

	}

}
