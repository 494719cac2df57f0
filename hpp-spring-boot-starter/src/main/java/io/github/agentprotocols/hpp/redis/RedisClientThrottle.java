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

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.commons.redis.ChannelSubscription;
import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.SessionStoreUnavailableException;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link ClientThrottle} across instances through Redis: one count per client in Redis
 * ({@link RedisKeys#throttle}, a sorted set of the attempts of the last minute in the
 * client's slot), so that the limit holds whatever the number of instances. The counting
 * script ({@code throttle-count.lua}) decides as {@link RequestWindow} does, and answers
 * the same Retry-After.
 * <p>
 * {@link #tryAcquire} runs the script each time. {@link #retryAfterSeconds}, which every
 * agent request asks, answers from memory without a round trip: the throttle keeps the
 * clients it knows to be refused, and until when (a bounded number, the least recently
 * seen forgotten first), learnt from its own counts and from the notices of the other
 * instances on the cluster-wide channel {@link RedisKeys#throttled}, to which it
 * subscribes while running (renewing the subscription while Redis is down). So the limit
 * holds across instances within the time a notice takes: an instance answers, beyond the
 * limit, only the attempts a client makes on it before the notice arrives, and the first
 * of them, counted, tells it the client is refused. A notice lost (the instance was cut
 * off from Redis) costs the same one attempt on that instance.
 * <p>
 * When the application stops, once its web server has stopped and before the Redis
 * connection factory does, the subscription is ended.
 */
@Internal
public class RedisClientThrottle implements ClientThrottle, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisClientThrottle.class);

	/** Counts an attempt of a client; answers whether it counted and the refusal. */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> COUNT = LuaScripts.load(List.class, RedisClientThrottle.class, "throttle-count.lua");

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong attempts = new AtomicLong();

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final String name;

	private final int limit;

	private final Clock clock;

	private final Map<String, Long> refusedUntil;

	private final ChannelSubscription notices;

	/**
	 * Creates a throttle.
	 * @param connectionFactory the Redis connection factory
	 * @param timeout how long a count waits for Redis at most
	 * @param keys the key and channel names
	 * @param name the throttle's name in its keys and notices, such as
	 * {@code failed-tokens}, without a space
	 * @param limit counts allowed per client per sliding minute; 0 turns the throttle off
	 * @param maxClients the number of refused clients remembered at once; the least
	 * recently seen is forgotten first
	 * @param clock the clock
	 */
	public RedisClientThrottle(ReactiveRedisConnectionFactory connectionFactory, Duration timeout, RedisKeys keys,
			String name, int limit, int maxClients, Clock clock) {
		this.redis = new RetryingRedisTemplate(connectionFactory, timeout);
		this.keys = keys;
		this.name = name;
		this.limit = limit;
		this.clock = clock;
		this.refusedUntil = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
				return size() > maxClients;
			}

		};
		this.notices = new ChannelSubscription(connectionFactory, keys.throttled(),
				(messages) -> messages.doOnNext(this::receive));
	}

	@Override
	public Mono<Long> retryAfterSeconds(String client) {
		return Mono.fromSupplier(() -> refusal(client, this.clock.millis()));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * When the count reaches the limit, the client is refused here at once and the other
	 * instances are told.
	 */
	@Override
	public Mono<Void> record(String client) {
		if (this.limit <= 0) {
			return Mono.empty();
		}
		return count(client).flatMap((counted) -> {
			if (counted.until() == 0) {
				return Mono.empty();
			}
			refuse(client, counted.until());
			return counted.counted()
					? this.redis.convertAndSend(this.keys.throttled(), notice(client, counted.until())).then()
					: Mono.empty();
		});
	}

	@Override
	public Mono<Long> tryAcquire(String client) {
		if (this.limit <= 0) {
			return Mono.just(0L);
		}
		return count(client).map((counted) -> counted.counted() ? 0 : seconds(counted.until(), counted.now()));
	}

	private Mono<Counted> count(String client) {
		long now = this.clock.millis();
		String attempt = this.instance + ":" + this.attempts.incrementAndGet();
		return this.redis
			.execute(COUNT, List.of(this.keys.throttle(this.name, client)),
					List.of(Long.toString(now), Integer.toString(this.limit), attempt))
			.next()
			.map((reply) -> new Counted(((Number) reply.get(0)).longValue() == 1, ((Number) reply.get(1)).longValue(),
					now))
			.onErrorMap(
					(ex) -> ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException
							|| RedisClusterRetry.isMasterSwitch(ex),
					(ex) -> new SessionStoreUnavailableException("Redis is unreachable: " + ex.getMessage(), ex));
	}

	private synchronized long refusal(String client, long now) {
		Long until = this.refusedUntil.get(client);
		if (until == null) {
			return 0;
		}
		if (now > until) {
			this.refusedUntil.remove(client);
			return 0;
		}
		return seconds(until, now);
	}

	private synchronized void refuse(String client, long until) {
		this.refusedUntil.merge(client, until, Math::max);
	}

	/**
	 * Seconds until a refusal ends, at least 1, as
	 * {@link RequestWindow#retryAfterSeconds} rounds them.
	 */
	private static long seconds(long until, long now) {
		return Math.max(1, Math.floorDiv(until - now + 999, 1000));
	}

	private String notice(String client, long until) {
		return this.name + " " + until + " " + client;
	}

	private void receive(String notice) {
		String[] parts = notice.split(" ", 3);
		if (parts.length == 3 && parts[0].equals(this.name)) {
			try {
				refuse(parts[2], Long.parseLong(parts[1]));
			}
			catch (NumberFormatException ex) {
				logger.warn("Ignored a malformed notice on " + this.keys.throttled() + ": " + notice);
			}
		}
	}

	@Override
	public void start() {
		if (this.limit > 0) {
			this.notices.start();
		}
	}

	@Override
	public void stop() {
		this.notices.stop();
	}

	@Override
	public boolean isRunning() {
		return this.notices.isRunning();
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.BACKGROUND_WORK;
	}

	@Override
	public String toString() {
		return "Redis throttle " + this.name + " (" + this.limit + " per minute)";
	}

	/**
	 * The answer of the counting script.
	 *
	 * @param counted whether the attempt was counted
	 * @param until the time (epoch ms) until which the client is refused, 0 when it is
	 * not
	 * @param now the time of the attempt (epoch ms)
	 */
	private record Counted(boolean counted, long until, long now) {
	}

}
