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

package io.github.agentprotocols.commons.redis;

import java.time.Duration;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * A subscription to one Redis channel held from {@link #start()} to {@link #stop()}: the
 * messages go to a handling given at creation, and a subscription that fails (Redis down,
 * its node failed over, or Redis did not confirm it within ten seconds) is renewed with a
 * backoff of half a second growing to ten, for as long as it is held. On a Redis Cluster
 * the subscription's connection is to a node of Lettuce's choice; after that node
 * crashes, Lettuce subscribes again on a live node once the application's view of the
 * cluster lacks the dead one ({@link RedisClusterNodeFilter},
 * {@link RedisClusterTopologyWatch}); messages published in between are not received. For
 * the lifecycle of a component that listens while the application runs.
 */
public final class ChannelSubscription {

	private static final Log logger = LogFactory.getLog(ChannelSubscription.class);

	private static final Duration RENEW_MIN = Duration.ofMillis(500);

	private static final Duration RENEW_MAX = Duration.ofSeconds(10);

	private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String channel;

	private final Function<Flux<String>, Publisher<?>> handling;

	private volatile @Nullable Disposable subscription;

	/**
	 * Creates a subscription, not yet held.
	 * @param connectionFactory the Redis connection factory
	 * @param channel the channel's name
	 * @param handling what is done with the channel's messages: given them, returns what
	 * to subscribe to
	 */
	public ChannelSubscription(ReactiveRedisConnectionFactory connectionFactory, String channel,
			Function<Flux<String>, Publisher<?>> handling) {
		this.connectionFactory = connectionFactory;
		this.channel = channel;
		this.handling = handling;
	}

	/**
	 * Subscribes, unless already subscribed; returns at once.
	 */
	public synchronized void start() {
		if (this.subscription != null) {
			return;
		}
		ChannelTopic topic = ChannelTopic.of(this.channel);
		Flux<String> messages = Flux
			.usingWhen(
					Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory))
						.subscribeOn(Schedulers.boundedElastic()),
					(container) -> container.receiveLater(topic)
						.timeout(SUBSCRIBE_TIMEOUT)
						.flatMapMany(Function.identity()),
					ReactiveRedisMessageListenerContainer::destroyLater)
			.doOnError((ex) -> logger.warn("The Redis subscription to " + this.channel + " failed; renewing it", ex))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, RENEW_MIN).maxBackoff(RENEW_MAX))
			.map((message) -> message.getMessage());
		this.subscription = Flux.from(this.handling.apply(messages)).subscribe();
	}

	/**
	 * Ends the subscription, if held.
	 */
	public synchronized void stop() {
		Disposable subscribed = this.subscription;
		this.subscription = null;
		if (subscribed != null) {
			subscribed.dispose();
		}
	}

	/**
	 * Whether the subscription is held (whether or not Redis answers now).
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		return this.subscription != null;
	}

	@Override
	public String toString() {
		return "Subscription to " + this.channel;
	}

}
