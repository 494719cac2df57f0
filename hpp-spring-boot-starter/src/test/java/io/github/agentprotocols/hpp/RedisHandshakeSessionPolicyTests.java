package io.github.agentprotocols.hpp;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeSessionPolicyTests} again, with sessions in Redis.
 */
@SpecItem("HPP-11.2.2")
@UsesRedis
class RedisHandshakeSessionPolicyTests extends HandshakeSessionPolicyTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
