package io.github.agentprotocols.lime.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.commons.testsupport.RedisFixture;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Connections to the test Redis server, each one separate like those of different
 * application instances, and a key prefix of its own so that tests do not meet.
 */
final class LimeRedisConnections implements AutoCloseable {

	final RedisLimeKeys keys = new RedisLimeKeys("lime-test-" + UUID.randomUUID() + ":");

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

	ReactiveStringRedisTemplate reactive() {
		return new ReactiveStringRedisTemplate(factory());
	}

	StringRedisTemplate blocking() {
		return new StringRedisTemplate(factory());
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
