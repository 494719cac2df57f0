package io.github.agentprotocols.hpp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeSessionPolicyTests} again, with sessions in Redis.
 */
class RedisHandshakeSessionPolicyTests extends HandshakeSessionPolicyTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
