package io.github.agentprotocols.hpp.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.commons.testsupport.RedisFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Connections to the test Redis server, each one separate like those of different
 * application instances, and a key prefix of its own so that test classes do not meet.
 */
final class RedisTestConnections implements AutoCloseable {

	final RedisKeys keys = new RedisKeys("hpp-test-" + UUID.randomUUID() + ":");

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	/** A new connection factory, started. */
	LettuceConnectionFactory factory() {
		URI url = RedisFixture.url();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	/** A template on a new connection. */
	ReactiveStringRedisTemplate template() {
		return new ReactiveStringRedisTemplate(factory());
	}

	/**
	 * How many connections are subscribed to a pub/sub channel.
	 * @param channel the channel
	 * @return the number of subscribed connections
	 */
	long subscribers(String channel) {
		RedisClient client = RedisClient.create(RedisFixture.url().toString());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
		}
		finally {
			client.shutdown();
		}
	}

	/** Deletes every key under this prefix and closes the connections. */
	@Override
	public void close() {
		if (!this.factories.isEmpty()) {
			ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.factories.get(0));
			redis.scan(ScanOptions.scanOptions().match(this.keys.prefix() + "*").build())
				.flatMap(redis::delete)
				.blockLast();
		}
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

}
