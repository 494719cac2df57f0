package io.github.agentprotocols.hpp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeCloseTests} again, with sessions and events in Redis.
 */
class RedisHandshakeCloseTests extends HandshakeCloseTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
