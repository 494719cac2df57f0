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
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.commons.redis.ChannelSubscription;
import io.github.agentprotocols.commons.redis.RedisClusterRetry;
import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.observation.DefaultLimeBroadcastObservationConvention;
import io.github.agentprotocols.lime.observation.DefaultLimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeBroadcastObservationContext;
import io.github.agentprotocols.lime.observation.LimeBroadcastObservationConvention;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Source;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation;
import io.github.agentprotocols.lime.wire.LimeJson;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link LimeLoginBroadcast} to every instance through Redis pub/sub: the instance
 * reading the stream publishes each login outcome on one channel; every instance, itself
 * included, subscribes to it while running and hands each outcome to its local delivery
 * (the starter publishes a {@code LimeLoginBroadcastEvent}) off the Redis thread. A lost
 * subscription is renewed with a backoff.
 * <p>
 * Pub/sub is fire-and-forget: an instance cut off from Redis when an outcome is published
 * does not see it.
 * <p>
 * The channel is a cluster-wide broadcast, since every instance needs every outcome: on a
 * Redis Cluster each instance subscribes on one node of its choice and every message is
 * forwarded to every node over the cluster bus (its cost grows with the number of nodes,
 * one message per login outcome). A subscription whose connection is lost (its node
 * failed over) is renewed on a node still up when the client reconnects.
 * <p>
 * Publishing is observed ({@code lime.broadcast}) and the message carries the
 * observation's propagation fields under {@code trace}; each instance observes its
 * delivery of the outcome ({@code lime.event.delivery}, source {@code broadcast}) in the
 * trace those fields name. Messages without them are delivered as before, each starting a
 * trace.
 */
public class RedisLoginBroadcast implements LimeLoginBroadcast, SmartLifecycle {

	/**
	 * Before the stream's lease starts ({@code DEFAULT_PHASE}), so that the reader also
	 * hears its own outcomes, and after it stops; before the connection factory stops
	 * (phase 0): {@link LifecyclePhases#BACKGROUND_WORK}, {@code DEFAULT_PHASE - 4096}.
	 */
	private static final int PHASE = LifecyclePhases.BACKGROUND_WORK;

	private static final Log logger = LogFactory.getLog(RedisLoginBroadcast.class);

	private static final LimeBroadcastObservationConvention DEFAULT_BROADCAST_CONVENTION = new DefaultLimeBroadcastObservationConvention();

	private static final LimeEventObservationConvention DEFAULT_EVENT_CONVENTION = new DefaultLimeEventObservationConvention();

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final LimeLoginHandler localDelivery;

	private final Duration publishTimeout;

	private final ObservationRegistry observationRegistry;

	private final @Nullable LimeBroadcastObservationConvention broadcastConvention;

	private final @Nullable LimeEventObservationConvention eventConvention;

	private final ChannelSubscription outcomes;

	/**
	 * Create a broadcast.
	 * @param connectionFactory the Redis connection factory
	 * @param keys the key and channel names
	 * @param localDelivery what each instance does with an outcome it hears
	 * @param publishTimeout how long {@link #broadcast} waits for Redis
	 */
	public RedisLoginBroadcast(ReactiveRedisConnectionFactory connectionFactory, RedisKeys keys,
			LimeLoginHandler localDelivery, Duration publishTimeout) {
		this(connectionFactory, keys, localDelivery, publishTimeout, ObservationRegistry.NOOP, null, null);
	}

	/**
	 * Create a broadcast that is observed.
	 * @param connectionFactory the Redis connection factory
	 * @param keys the key and channel names
	 * @param localDelivery what each instance does with an outcome it hears
	 * @param publishTimeout how long {@link #broadcast} waits for Redis
	 * @param observationRegistry the registry of the observations
	 * @param broadcastConvention the convention of publishing, or {@code null} for the
	 * default one
	 * @param eventConvention the convention of the deliveries, or {@code null} for the
	 * default one
	 */
	public RedisLoginBroadcast(ReactiveRedisConnectionFactory connectionFactory, RedisKeys keys,
			LimeLoginHandler localDelivery, Duration publishTimeout, ObservationRegistry observationRegistry,
			@Nullable LimeBroadcastObservationConvention broadcastConvention,
			@Nullable LimeEventObservationConvention eventConvention) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.keys = keys;
		this.localDelivery = localDelivery;
		this.publishTimeout = publishTimeout;
		this.observationRegistry = observationRegistry;
		this.broadcastConvention = broadcastConvention;
		this.eventConvention = eventConvention;
		this.outcomes = new ChannelSubscription(connectionFactory, keys.logins(),
				(messages) -> messages.flatMap(this::deliver));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Waits for Redis to take the message, at most the publish timeout, publishing again
	 * while a Redis Cluster answers {@code CLUSTERDOWN} or {@code TRYAGAIN} for a moment
	 * (a failover); fails with Redis's exception.
	 */
	@Override
	public void broadcast(String requestId, @Nullable String passportJwt) {
		LimeBroadcastObservationContext context = new LimeBroadcastObservationContext(type(passportJwt), requestId);
		LimeObservationDocumentation.BROADCAST
			.observation(this.broadcastConvention, DEFAULT_BROADCAST_CONVENTION, () -> context,
					this.observationRegistry)
			.observe(() -> {
				Map<String, @Nullable Object> message = new LinkedHashMap<>();
				message.put("request_id", requestId);
				message.put("passport_jwt", passportJwt);
				Map<String, String> trace = context.getCarrier();
				if (trace != null && !trace.isEmpty()) {
					message.put("trace", trace);
				}
				this.redis.convertAndSend(this.keys.logins(), LimeJson.write(message))
					.retryWhen(RedisClusterRetry.transientAnswers())
					.block(this.publishTimeout);
			});
	}

	@Override
	public void start() {
		this.outcomes.start();
	}

	@Override
	public void stop() {
		this.outcomes.stop();
	}

	@Override
	public boolean isRunning() {
		return this.outcomes.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private Mono<Void> deliver(String text) {
		JsonNode message;
		try {
			message = LimeJson.read(text);
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a malformed message on the channel of LIME login outcomes", ex);
			return Mono.empty();
		}
		String requestId = message.path("request_id").asString("");
		JsonNode passport = message.path("passport_jwt");
		if (requestId.isEmpty()) {
			logger.warn("Ignored a message without request id on the channel of LIME login outcomes");
			return Mono.empty();
		}
		String passportJwt = passport.isString() ? passport.stringValue() : null;
		LimeEventObservationContext context = new LimeEventObservationContext(type(passportJwt), requestId, null,
				Source.BROADCAST, trace(message));
		return Mono.defer(() -> {
			Observation observation = LimeObservationDocumentation.EVENT_DELIVERY
				.observation(this.eventConvention, DEFAULT_EVENT_CONVENTION, () -> context, this.observationRegistry)
				.start();
			return ReactiveObservations.stopOnEnd(observation, Mono.<Void>fromRunnable(() -> {
				try (Observation.Scope scope = observation.openScope()) {
					this.localDelivery.onLogin(requestId, passportJwt);
				}
			}).subscribeOn(Schedulers.boundedElastic()));
		}).onErrorResume((ex) -> {
			logger.error("Delivering the outcome of LIME login request " + requestId + " on this instance failed", ex);
			return Mono.empty();
		});
	}

	private static String type(@Nullable String passportJwt) {
		return (passportJwt != null) ? "approved" : "expired";
	}

	private static Map<String, String> trace(JsonNode message) {
		Map<String, String> fields = new LinkedHashMap<>();
		message.path("trace").properties().forEach((field) -> {
			if (field.getValue().isString()) {
				fields.put(field.getKey(), field.getValue().stringValue());
			}
		});
		return fields;
	}

	@Override
	public String toString() {
		return "Redis broadcast on " + this.keys.logins();
	}

}
