package io.github.agentprotocols.hpp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeExpiryIT} again, with sessions and events in Redis.
 */
class RedisHandshakeExpiryIT extends HandshakeExpiryIT {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
