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

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Sessions' channels as plain pub/sub, through Spring Data Redis's listener container,
 * created on first use: creating it connects to Redis, which must neither block an event
 * loop nor keep the application from starting.
 */
final class ListenerContainerChannels implements SessionChannels {

	private final ReactiveRedisConnectionFactory connectionFactory;

	private volatile @Nullable ReactiveRedisMessageListenerContainer container;

	ListenerContainerChannels(ReactiveRedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public Mono<Flux<String>> receiveLater(String channel) {
		return container().flatMap((container) -> container.receiveLater(ChannelTopic.of(channel)))
			.map((messages) -> messages.map(ReactiveSubscription.Message::getMessage));
	}

	@Override
	public void close() {
		ReactiveRedisMessageListenerContainer listening = this.container;
		this.container = null;
		if (listening != null) {
			listening.destroy();
		}
	}

	private Mono<ReactiveRedisMessageListenerContainer> container() {
		ReactiveRedisMessageListenerContainer existing = this.container;
		if (existing != null) {
			return Mono.just(existing);
		}
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				if (this.container == null) {
					this.container = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
				}
				return this.container;
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
