package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.wire.LimeJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * {@link LimeLoginBroadcast} to every instance through Redis pub/sub: the instance
 * reading the stream publishes each login outcome on one channel; every instance, itself
 * included, subscribes to it while running and hands each outcome to its local delivery
 * (the starter publishes a {@code LimeLoginBroadcastEvent}) off the Redis thread. A lost
 * subscription is renewed with a backoff.
 * <p>
 * Pub/sub is fire-and-forget: an instance cut off from Redis when an outcome is published
 * does not see it.
 */
public class RedisLoginBroadcast implements LimeLoginBroadcast, SmartLifecycle {

	/**
	 * Before the stream's lease starts ({@code DEFAULT_PHASE}), so that the reader also
	 * hears its own outcomes, and after it stops; before the connection factory stops
	 * (phase 0).
	 */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration RESUBSCRIBE_MIN = Duration.ofMillis(500);

	private static final Duration RESUBSCRIBE_MAX = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(RedisLoginBroadcast.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final RedisLimeKeys keys;

	private final LimeLoginHandler localDelivery;

	private final Duration publishTimeout;

	private volatile @Nullable Disposable subscription;

	/**
	 * Create a broadcast.
	 * @param connectionFactory the Redis connection factory
	 * @param keys the key and channel names
	 * @param localDelivery what each instance does with an outcome it hears
	 * @param publishTimeout how long {@link #broadcast} waits for Redis
	 */
	public RedisLoginBroadcast(ReactiveRedisConnectionFactory connectionFactory, RedisLimeKeys keys,
			LimeLoginHandler localDelivery, Duration publishTimeout) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.keys = keys;
		this.localDelivery = localDelivery;
		this.publishTimeout = publishTimeout;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Waits for Redis to take the message; fails with Redis's exception.
	 */
	@Override
	public void broadcast(String requestId, @Nullable String passportJwt) {
		Map<String, @Nullable String> message = new LinkedHashMap<>();
		message.put("request_id", requestId);
		message.put("passport_jwt", passportJwt);
		this.redis.convertAndSend(this.keys.logins(), LimeJson.write(message)).block(this.publishTimeout);
	}

	@Override
	public synchronized void start() {
		if (this.subscription != null) {
			return;
		}
		ChannelTopic channel = ChannelTopic.of(this.keys.logins());
		this.subscription = Flux
			.usingWhen(
					Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory))
						.subscribeOn(Schedulers.boundedElastic()),
					(container) -> container.receive(channel), ReactiveRedisMessageListenerContainer::destroyLater)
			.doOnError((ex) -> logger.warn("The Redis subscription to LIME login outcomes failed; renewing it", ex))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, RESUBSCRIBE_MIN).maxBackoff(RESUBSCRIBE_MAX))
			.flatMap((message) -> deliver(message.getMessage()))
			.subscribe();
	}

	@Override
	public synchronized void stop() {
		Disposable subscribed = this.subscription;
		this.subscription = null;
		if (subscribed != null) {
			subscribed.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
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
		return Mono
			.<Void>fromRunnable(
					() -> this.localDelivery.onLogin(requestId, passport.isString() ? passport.stringValue() : null))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorResume((ex) -> {
				logger.error("Delivering the outcome of LIME login request " + requestId + " on this instance failed",
						ex);
				return Mono.empty();
			});
	}

	@Override
	public String toString() {
		return "Redis broadcast on " + this.keys.logins();
	}

}
