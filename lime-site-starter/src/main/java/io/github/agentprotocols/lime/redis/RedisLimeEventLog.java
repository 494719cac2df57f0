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

import java.time.Duration;

import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEventLog;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link LimeEventLog} shared by every instance through Redis: the last event id in a
 * string, and a claim per login request ({@code SET NX}), so that each request's outcome
 * is handled once across the site, also when a new reader replays events the previous one
 * handled. Both are kept for a retention, which bounds how far back a replay is
 * recognised.
 */
public class RedisLimeEventLog implements LimeEventLog {

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration retention;

	/**
	 * Create a log.
	 * @param redis the template to reach Redis with
	 * @param keys the key names
	 * @param retention how long the last event id and the claims are kept
	 */
	public RedisLimeEventLog(ReactiveStringRedisTemplate redis, RedisKeys keys, Duration retention) {
		this.redis = redis;
		this.keys = keys;
		this.retention = retention;
	}

	@Override
	public Mono<String> lastEventId() {
		return this.redis.opsForValue().get(this.keys.lastEventId());
	}

	@Override
	public Mono<Void> advance(String lastEventId) {
		return this.redis.opsForValue().set(this.keys.lastEventId(), lastEventId, this.retention).then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Claims are per login request: once an approval or an expiry of a request is taken
	 * on, no other event of that request is.
	 */
	@Override
	public Mono<Boolean> claim(LimeEvent event) {
		return this.redis.opsForValue()
			.setIfAbsent(this.keys.handled(event.requestId()), event.type().name(), this.retention);
	}

}
