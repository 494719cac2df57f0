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
import java.util.List;

import io.github.agentprotocols.commons.UncancelledCall;
import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import org.reactivestreams.Publisher;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The template of the Redis mode: runs a script again when a Redis Cluster answered
 * {@code CLUSTERDOWN} or {@code TRYAGAIN} (a node that ran nothing, for a moment while a
 * master fails over or a slot moves), so that a request meeting a failover is answered
 * with its result. A script once started runs to its reply even when its request leaves
 * ({@link UncancelledCall}): Lettuce's Micrometer tracing drops an error for a command
 * cancelled as it starts. Every request of the Redis mode is one script or more.
 * <p>
 * The caller of a script, or of any other command of the template, waits for its reply at
 * most a timeout of the Redis mode, then fails with a {@link QueryTimeoutException} (a
 * request is answered 503 to retry), whatever the connection's command timeout
 * ({@code spring.data.redis.timeout}, 60 s by default), which still bounds a script
 * itself: a command sent to a master that crashed waits on its lost connection until
 * then, while the cluster promotes a replica. The template is for commands: a
 * subscription through it would end after the timeout without a message.
 */
public class RetryingRedisTemplate extends ReactiveStringRedisTemplate {

	private final Duration timeout;

	/**
	 * Creates a template.
	 * @param connectionFactory the application's reactive Redis connection factory
	 * @param timeout how long a caller waits for a reply at most
	 */
	public RetryingRedisTemplate(ReactiveRedisConnectionFactory connectionFactory, Duration timeout) {
		super(connectionFactory);
		this.timeout = timeout;
	}

	/**
	 * A retrying template on a connection factory, typed as its supertype so that code
	 * that only may use Redis (an auto-configuration) links without Spring Data Redis.
	 * @param connectionFactory the application's reactive Redis connection factory
	 * @param timeout how long a caller waits for a reply at most
	 * @return the template
	 */
	public static ReactiveStringRedisTemplate on(ReactiveRedisConnectionFactory connectionFactory, Duration timeout) {
		return new RetryingRedisTemplate(connectionFactory, timeout);
	}

	@Override
	public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
		return bounded(
				UncancelledCall.of(super.execute(script, keys, args).retryWhen(RedisClusterRetry.transientAnswers())));
	}

	@Override
	protected <T> Publisher<T> postProcessResult(Publisher<T> result, ReactiveRedisConnection connection,
			boolean existingConnection) {
		return bounded(Flux.from(super.postProcessResult(result, connection, existingConnection)));
	}

	private <T> Flux<T> bounded(Flux<T> call) {
		return call.timeout(this.timeout,
				Flux.defer(() -> Flux.error(new QueryTimeoutException("Redis did not answer within " + this.timeout))));
	}

}
