package io.github.agentprotocols.acp.cluster;

import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * A {@link ClusterChannel} on Redis pub/sub, channel {@code <table-prefix>broadcast}:
 * {@code PUBLISH} (answered with one integer) through the application's connection
 * factory, and a subscription whose listener container is created for each connection and
 * destroyed with it. Messages have no size limit worth the name.
 */
public class RedisClusterChannel implements ClusterChannel {

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final ChannelTopic topic;

	/**
	 * Creates a channel.
	 * @param connectionFactory the application's reactive Redis connection factory
	 * @param prefix the prefix of the channel's name
	 */
	public RedisClusterChannel(ReactiveRedisConnectionFactory connectionFactory, String prefix) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.topic = ChannelTopic.of(prefix + "broadcast");
	}

	@Override
	public Mono<Void> send(String message) {
		return this.redis.convertAndSend(this.topic.getTopic(), message).then();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Creating the listener container connects to Redis, so it happens on a worker
	 * thread.
	 */
	@Override
	public Flux<Optional<String>> listen() {
		return Flux.usingWhen(
				Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory))
					.subscribeOn(Schedulers.boundedElastic()),
				(container) -> container.receiveLater(this.topic)
					.flatMapMany((messages) -> messages.map((message) -> Optional.of(message.getMessage()))
						.startWith(Optional.empty())),
				ReactiveRedisMessageListenerContainer::destroyLater);
	}

	@Override
	public int maxMessageBytes() {
		return Integer.MAX_VALUE;
	}

	@Override
	public String transport() {
		return "redis";
	}

}
