package io.github.agentprotocols.hpp;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HandshakeCloseTests} again, with sessions and events in Redis.
 */
@SpecItem("HPP-11.2.6")
@UsesRedis
class RedisHandshakeCloseTests extends HandshakeCloseTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisMode.register(registry);
	}

}
