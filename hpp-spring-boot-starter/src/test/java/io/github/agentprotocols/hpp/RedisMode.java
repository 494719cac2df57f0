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
		String prefix = "hpp-test-" + UUID.randomUUID() + ":";
		registry.add("hpp.store.type", () -> "redis");
		registry.add("hpp.store.key-prefix", () -> prefix);
		RedisFixture.registerRedisProperties(registry);
	}

}
