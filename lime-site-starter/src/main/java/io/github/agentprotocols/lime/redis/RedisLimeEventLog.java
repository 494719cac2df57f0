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
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.wire.LimeJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link LimeEventLog} shared by every instance through Redis: the last event id in a
 * string, a claim per login request ({@code SET NX}), so that each request's outcome is
 * handled once across the site, also when a new reader replays events the previous one
 * handled, and the events in flight in one sorted set, so that the next reader handles
 * what a reader killed or stopped between claiming an event and handling it left behind.
 * The last event id and the claims are kept for a retention, which bounds how far back a
 * replay is recognised; an event stays in flight at most as long. Each command is run
 * again while a Redis Cluster answers it transiently (a master failing over), so that a
 * failover that keeps acknowledged writes leaves each outcome handled once.
 */
public class RedisLimeEventLog implements LimeEventLog {

	private static final Log logger = LogFactory.getLog(RedisLimeEventLog.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration retention;

	private final Clock clock;

	/**
	 * Create a log.
	 * @param redis the template to reach Redis with
	 * @param keys the key names
	 * @param retention how long the last event id, the claims and the events in flight
	 * are kept
	 * @param clock scores the events in flight by when they were taken on
	 */
	public RedisLimeEventLog(ReactiveStringRedisTemplate redis, RedisKeys keys, Duration retention, Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Read under the key of earlier versions when absent under the current one.
	 */
	@Override
	public Mono<String> lastEventId() {
		return retried(this.redis.opsForValue().get(this.keys.lastEventId()))
			.switchIfEmpty(Mono.defer(() -> retried(this.redis.opsForValue().get(this.keys.formerLastEventId()))));
	}

	@Override
	public Mono<Void> advance(String lastEventId) {
		return retried(this.redis.opsForValue().set(this.keys.lastEventId(), lastEventId, this.retention)).then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Claims are per login request: once an approval or an expiry of a request is taken
	 * on, no other event of that request is. The event is put in flight first and taken
	 * out again when the claim fails, unless it was in flight before (left by a previous
	 * reader): a reader killed between the two leaves it in flight, never claimed and
	 * lost.
	 */
	@Override
	public Mono<Boolean> claim(LimeEvent event) {
		String member = member(event);
		return retried(this.redis.opsForZSet().add(this.keys.inFlight(), member, this.clock.millis()))
			.flatMap((added) -> retried(this.redis.opsForValue()
				.setIfAbsent(this.keys.handled(event.requestId()), event.type().name(), this.retention))
				.flatMap((claimed) -> (!claimed && added)
						? retried(this.redis.opsForZSet().remove(this.keys.inFlight(), member)).thenReturn(false)
						: Mono.just(claimed)));
	}

	@Override
	public Mono<Void> handled(LimeEvent event) {
		return retried(this.redis.opsForZSet().remove(this.keys.inFlight(), member(event))).then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Events in flight for longer than the retention are dropped first.
	 */
	@Override
	public Flux<LimeEvent> inFlight() {
		double expired = this.clock.millis() - this.retention.toMillis();
		return retried(this.redis.opsForZSet().removeRangeByScore(this.keys.inFlight(), Range.closed(0.0, expired)))
			.thenMany(this.redis.opsForZSet()
				.rangeByScore(this.keys.inFlight(), Range.unbounded())
				.retryWhen(RedisClusterRetry.transientAnswers()))
			.flatMap((member) -> Mono.justOrEmpty(event(member)));
	}

	/**
	 * A command run again while a Redis Cluster answers it transiently: each step of a
	 * claim on its own, since a claim run again whole would find its event in flight
	 * already and leave it there when the claim fails.
	 */
	private static <T> Mono<T> retried(Mono<T> command) {
		return command.retryWhen(RedisClusterRetry.transientAnswers());
	}

	private static String member(LimeEvent event) {
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		fields.put("type", event.type().name());
		fields.put("requestId", event.requestId());
		fields.put("passportJwt", event.passportJwt());
		fields.put("id", event.id());
		return LimeJson.write(fields);
	}

	private static @Nullable LimeEvent event(String member) {
		try {
			JsonNode fields = LimeJson.read(member);
			return new LimeEvent(LimeEvent.Type.valueOf(fields.get("type").stringValue()),
					fields.get("requestId").stringValue(), text(fields, "passportJwt"), text(fields, "id"));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a malformed event in flight in the LIME event log", ex);
			return null;
		}
	}

	private static @Nullable String text(JsonNode fields, String name) {
		JsonNode value = fields.get(name);
		return (value == null || value.isNull()) ? null : value.stringValue();
	}

}
