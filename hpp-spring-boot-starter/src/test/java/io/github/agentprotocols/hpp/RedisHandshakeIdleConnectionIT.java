package io.github.agentprotocols.hpp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeIdleConnectionIT} again, with sessions and events in Redis.
 */
class RedisHandshakeIdleConnectionIT extends HandshakeIdleConnectionIT {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
