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
import java.util.List;

import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link PendingLoginRequests} shared by every instance through a Redis sorted set scored
 * by {@code expires_at}, so that the instance reading the stream reconciles the requests
 * any instance created. A request is kept until its {@code expires_at} plus a retention;
 * beyond the capacity, the requests that expire first are dropped first. The pending
 * requests are read by a script answered in one reply, never as a streamed one (see the
 * project's docs/README.md on Lettuce's streamed replies).
 */
public class RedisPendingLoginRequests implements PendingLoginRequests {

	/**
	 * Adds a request, then drops those past the retention and beyond the capacity.
	 */
	static final RedisScript<Long> ADD = LuaScripts.load(Long.class, RedisPendingLoginRequests.class,
			"add-pending-request.lua");

	/**
	 * Reads the requests still kept, each id followed by its score.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> PENDING = LuaScripts.load(List.class, RedisPendingLoginRequests.class,
			"pending-requests.lua");

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	private final Duration retention;

	private final int capacity;

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
	}

	@Override
	public Mono<Void> add(String requestId, Instant expiresAt) {
		return Mono.defer(() -> this.redis
			.execute(ADD, List.of(this.keys.pending()), List.of(requestId, Long.toString(expiresAt.toEpochMilli()),
					Long.toString(oldestKept()), Integer.toString(this.capacity)))
			.then());
	}

	@Override
	public Mono<Void> remove(String requestId) {
		return this.redis.opsForZSet().remove(this.keys.pending(), requestId).then();
	}

	@Override
	public Flux<PendingLoginRequest> pending() {
		return Flux.defer(
				() -> this.redis.execute(PENDING, List.of(this.keys.pending()), List.of(Long.toString(oldestKept()))))
			.concatMapIterable(RedisPendingLoginRequests::requests);
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
