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
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.github.agentprotocols.commons.redis.LuaScripts;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.SessionLimitExceededException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The registers that bound the number of live sessions across instances: one of all
 * sessions ({@link RedisKeys#live()}) and one per owner ({@link RedisKeys#owner}), each a
 * sorted set of session ids scored by deadline. A session enters them before it is
 * created and leaves them when it is removed; an entry outlives its session at most until
 * its deadline (an instance that stopped in between). When a register is full, the
 * sessions in it that have expired but are not swept yet are let go, as their buckets'
 * expiry indexes tell, and the session tries once more. Neither register shares a slot
 * with a session's keys, so each costs a round trip of its own, on creation and removal
 * only.
 */
final class SessionRegisters {

	private static final RedisScript<Long> REGISTER = LuaScripts.load(Long.class, SessionRegisters.class,
			"register-enter.lua");

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> MEMBERS = LuaScripts.load(List.class, SessionRegisters.class,
			"register-members.lua");

	/** Buckets whose expiry indexes are read at once when the register of all is full. */
	private static final int CONCURRENCY = 32;

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final int maxSessions;

	private final int maxSessionsPerOwner;

	SessionRegisters(ReactiveStringRedisTemplate redis, RedisKeys keys, int maxSessions, int maxSessionsPerOwner) {
		this.redis = redis;
		this.keys = keys;
		this.maxSessions = maxSessions;
		this.maxSessionsPerOwner = maxSessionsPerOwner;
	}

	/**
	 * Enters a new session in the registers.
	 * @param session the session
	 * @param now the time of creation
	 * @return completes once it entered both, or fails with
	 * {@link SessionLimitExceededException} (having entered neither)
	 */
	Mono<Void> enter(HandshakeSession session, Instant now) {
		String owner = session.getOwner();
		Mono<Void> all = enter(this.keys.live(), session, now, this.maxSessions, () -> expiredInAllBuckets(now))
			.flatMap((entered) -> entered ? Mono.<Void>empty()
					: Mono.error(new SessionLimitExceededException(this.maxSessions)));
		if (owner == null || this.maxSessionsPerOwner <= 0) {
			return all;
		}
		String register = this.keys.owner(owner);
		return all.then(enter(register, session, now, this.maxSessionsPerOwner, () -> expiredIn(register, now)))
			.flatMap((entered) -> entered ? Mono.<Void>empty() : leave(session.getId(), null)
				.then(Mono.error(new SessionLimitExceededException(owner, this.maxSessionsPerOwner))));
	}

	/**
	 * Lets a removed session go from the registers.
	 * @param sessionId the session id
	 * @param owner its owner, if it has one
	 * @return completes once done
	 */
	Mono<Void> leave(String sessionId, @Nullable String owner) {
		Mono<Long> all = this.redis.opsForZSet().remove(this.keys.live(), sessionId);
		return ((owner != null) ? all.then(this.redis.opsForZSet().remove(this.keys.owner(owner), sessionId)) : all)
			.then();
	}

	/**
	 * The number of sessions registered and not past their deadlines, the expired ones
	 * not swept yet included.
	 * @param now the time
	 * @return the number
	 */
	Mono<Long> count(Instant now) {
		return this.redis.opsForZSet()
			.count(this.keys.live(), Range.rightUnbounded(Range.Bound.inclusive((double) now.toEpochMilli())));
	}

	private Mono<Boolean> enter(String register, HandshakeSession session, Instant now, int cap,
			Supplier<Flux<String>> expired) {
		List<String> args = List.of(session.getId(), millis(now), Integer.toString(cap), millis(session.getDeadline()),
				Long.toString(retention(session, now)));
		Mono<Boolean> attempt = this.redis.execute(REGISTER, List.of(register), args).next().map((n) -> n > 0);
		return attempt.flatMap((entered) -> entered ? Mono.just(true)
				: expired.get()
					.collectList()
					.flatMap((ids) -> ids.isEmpty() ? Mono.just(false)
							: this.redis.opsForZSet().remove(register, ids.toArray()).then(attempt)));
	}

	/** The ids that the buckets' expiry indexes say have expired by a time. */
	private Flux<String> expiredInAllBuckets(Instant now) {
		return Flux.range(0, RedisKeys.BUCKETS)
			.flatMap((bucket) -> this.redis.execute(SessionScripts.EXPIRED, List.of(this.keys.sessions(bucket)),
					List.of(millis(now.minusMillis(1)))), CONCURRENCY)
			.concatMapIterable((ids) -> (List<?>) ids)
			.map(String.class::cast);
	}

	/**
	 * The ids in a register whose sessions have expired by a time or are gone, as their
	 * buckets' expiry indexes tell.
	 */
	private Flux<String> expiredIn(String register, Instant now) {
		return this.redis.execute(MEMBERS, List.of(register))
			.concatMapIterable((ids) -> (List<?>) ids)
			.map(String.class::cast)
			.concatMap((id) -> this.redis.opsForZSet()
				.score(this.keys.sessions(id), id)
				.defaultIfEmpty(Double.NEGATIVE_INFINITY)
				.filter((expiry) -> expiry < now.toEpochMilli())
				.map((expiry) -> id));
	}

	private static long retention(HandshakeSession session, Instant now) {
		return Math.max(0, Duration.between(now, session.getDeadline()).toMillis())
				+ RedisSessionStore.GRACE.toMillis();
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

}
