package io.github.agentprotocols.lime.redis;

import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisConnections;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * LIME's connections to the test Redis server, with the keys of a prefix of their own.
 */
final class LimeRedisConnections extends RedisConnections {

	final RedisKeys keys;

	LimeRedisConnections() {
		this(new RedisKeys("lime-test-" + UUID.randomUUID() + ":"));
	}

	private LimeRedisConnections(RedisKeys keys) {
		super(keys.prefix());
		this.keys = keys;
	}

	ReactiveStringRedisTemplate reactive() {
		return new ReactiveStringRedisTemplate(factory());
	}

	StringRedisTemplate blocking() {
		return new StringRedisTemplate(factory());
	}

}
