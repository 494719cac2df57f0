package io.github.agentprotocols.hpp;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeDeliveryBacklogTests} again, with sessions and their queues in Redis.
 */
@SpecItem("HPP-A13")
@UsesRedis
class RedisHandshakeDeliveryBacklogTests extends HandshakeDeliveryBacklogTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
