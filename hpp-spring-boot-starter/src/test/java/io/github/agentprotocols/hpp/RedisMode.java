package io.github.agentprotocols.hpp;

import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisFixture;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Switches a test application to the Redis store, under a key prefix of its own.
 */
final class RedisMode {

	private RedisMode() {
	}

	static void register(DynamicPropertyRegistry registry) {
		String prefix = prefix();
		registry.add("hpp.store.type", () -> "redis");
		registry.add("hpp.store.key-prefix", () -> prefix);
		RedisFixture.registerRedisProperties(registry);
	}

	/**
	 * The properties of an application started without the test context framework.
	 * @return {@code name=value} pairs
	 */
	static String[] properties() {
		return new String[] { "hpp.store.type=redis", "hpp.store.key-prefix=" + prefix(),
				"spring.data.redis.url=" + RedisFixture.url() };
	}

	/**
	 * A key prefix no other application of the suite uses.
	 * @return the prefix
	 */
	static String prefix() {
		return "hpp-test-" + UUID.randomUUID() + ":";
	}

}
