package io.github.agentprotocols.hpp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.agentprotocols.testsupport.UsesRedis;

/**
 * {@link HandshakeExpiryIT} again, with sessions and events in Redis.
 */
@UsesRedis
class RedisHandshakeExpiryIT extends HandshakeExpiryIT {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
