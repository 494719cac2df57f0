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

import io.github.agentprotocols.lime.PassportReplayStore;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A {@link PassportReplayStore} shared by every instance through Redis: a passport is
 * marked used with {@code SET NX} and an expiry at the end of its lifetime, so exactly
 * one verification of it succeeds across the site. When Redis cannot be reached, the
 * verification fails with Redis's exception rather than accept a passport it could not
 * mark.
 */
public class RedisPassportReplayStore implements PassportReplayStore {

	private static final Duration SHORTEST_MARK = Duration.ofMillis(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the key names
	 * @param clock the clock the marks' lifetimes are measured with
	 */
	public RedisPassportReplayStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public boolean markUsed(String key, Instant until) {
		Duration lifetime = Duration.between(this.clock.instant(), until);
		Boolean marked = this.redis.opsForValue()
			.setIfAbsent(this.keys.passport(key), "1",
					(lifetime.compareTo(SHORTEST_MARK) < 0) ? SHORTEST_MARK : lifetime);
		return Boolean.TRUE.equals(marked);
	}

}
