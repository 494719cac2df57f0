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

package io.github.agentprotocols.lime.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link PendingLoginRequests} shared by every instance through Redis sorted sets scored
 * by {@code expires_at}, so that the instance reading the stream reconciles the requests
 * any instance created. The requests are spread over {@value RedisKeys#PENDING_BUCKETS}
 * sets ({@link RedisKeys#pendingOf(String)}), so that on a Redis Cluster they land on
 * every master; each set is one key, and each script touches one.
 * <p>
 * Every command is run again when a Redis Cluster answers {@code CLUSTERDOWN} or
 * {@code TRYAGAIN} for a moment (a failover, a slot moving), so that an added request
 * stays known to the reconciliation and a reconciliation meeting a failover runs.
 * <p>
 * A request is kept until its {@code expires_at} plus a retention. Beyond the capacity,
 * the requests that expire first are dropped first, by this exact rule: each set keeps at
 * most twice its share of the capacity, {@code min(capacity, 2 * ceil(capacity / 16))}
 * requests, dropping those that expire first when a request is added; reading merges the
 * sets and returns at most {@code capacity} requests, those that expire last. Redis so
 * holds at most {@code 16} times a set's capacity, and unless one set is given more than
 * twice its share of the requests (which hashing makes unlikely beyond any practical
 * concern) the pending requests are those one sorted set of {@code capacity} would hold.
 * <p>
 * Each set is read by a script answered in one reply, never as a streamed one (see the
 * project's contributing/conventions.md on Lettuce's streamed replies).
 */
public class RedisPendingLoginRequests implements PendingLoginRequests {

	/**
	 * Adds a request to its set, then drops the set's requests past the retention and
	 * beyond the set's capacity.
	 */
	static final RedisScript<Long> ADD = LuaScripts.load(Long.class, RedisPendingLoginRequests.class,
			"add-pending-request.lua");

	/**
	 * Reads the requests of a set still kept, each id followed by its score.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> PENDING = LuaScripts.load(List.class, RedisPendingLoginRequests.class,
			"pending-requests.lua");

	private static final Comparator<PendingLoginRequest> EXPIRING_FIRST = Comparator
		.comparing(PendingLoginRequest::expiresAt)
		.thenComparing(PendingLoginRequest::requestId);

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	private final Duration retention;

	private final int capacity;

	private final int bucketCapacity;

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the key names
	 * @param clock the clock the retention is measured with
	 * @param retention how long a request is kept past its {@code expires_at}
	 * @param capacity how many requests are kept at most
	 */
	public RedisPendingLoginRequests(ReactiveStringRedisTemplate redis, RedisKeys keys, Clock clock, Duration retention,
			int capacity) {
		this.redis = redis;
		this.keys = keys;
		this.clock = clock;
		this.retention = retention;
		this.capacity = capacity;
		this.bucketCapacity = Math.min(capacity,
				2 * ((capacity + RedisKeys.PENDING_BUCKETS - 1) / RedisKeys.PENDING_BUCKETS));
	}

	@Override
	public Mono<Void> add(String requestId, Instant expiresAt) {
		return Mono
			.defer(() -> this.redis.execute(ADD, List.of(this.keys.pendingOf(requestId)),
					List.of(requestId, Long.toString(expiresAt.toEpochMilli()), Long.toString(oldestKept()),
							Integer.toString(this.bucketCapacity)))
				.then())
			.retryWhen(RedisClusterRetry.transientAnswers());
	}

	@Override
	public Mono<Void> remove(String requestId) {
		return this.redis.opsForZSet()
			.remove(this.keys.pendingOf(requestId), requestId)
			.retryWhen(RedisClusterRetry.transientAnswers())
			.then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reads every set, and returns at most the capacity, those that expire last, in the
	 * order they expire.
	 */
	@Override
	public Flux<PendingLoginRequest> pending() {
		return Flux.defer(() -> {
			List<String> oldestKept = List.of(Long.toString(oldestKept()));
			return Flux.range(0, RedisKeys.PENDING_BUCKETS)
				.flatMap((bucket) -> this.redis.execute(PENDING, List.of(this.keys.pending(bucket)), oldestKept)
					.retryWhen(RedisClusterRetry.transientAnswers()));
		})
			.concatMapIterable(RedisPendingLoginRequests::requests)
			.collectSortedList(EXPIRING_FIRST)
			.flatMapIterable(this::expiringLast);
	}

	private List<PendingLoginRequest> expiringLast(List<PendingLoginRequest> expiringFirst) {
		return expiringFirst.subList(Math.max(0, expiringFirst.size() - this.capacity), expiringFirst.size());
	}

	private static List<PendingLoginRequest> requests(List<?> idsAndScores) {
		List<PendingLoginRequest> requests = new ArrayList<>(idsAndScores.size() / 2);
		for (int i = 0; i + 1 < idsAndScores.size(); i += 2) {
			long expiresAt = (long) Double.parseDouble((String) idsAndScores.get(i + 1));
			requests.add(new PendingLoginRequest((String) idsAndScores.get(i), Instant.ofEpochMilli(expiresAt)));
		}
		return requests;
	}

	private long oldestKept() {
		return this.clock.instant().minus(this.retention).toEpochMilli();
	}

}
