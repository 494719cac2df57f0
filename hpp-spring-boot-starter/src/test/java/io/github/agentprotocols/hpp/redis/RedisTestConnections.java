package io.github.agentprotocols.hpp.redis;

import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * HPP's connections to the test Redis server, with the keys of a prefix of their own.
 */
final class RedisTestConnections extends RedisConnections {

	final RedisKeys keys;

	RedisTestConnections() {
		this(new RedisKeys("hpp-test-" + UUID.randomUUID() + ":"));
	}

	private RedisTestConnections(RedisKeys keys) {
		super(keys.prefix());
		this.keys = keys;
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

}
