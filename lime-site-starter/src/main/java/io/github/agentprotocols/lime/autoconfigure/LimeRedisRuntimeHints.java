package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.redis.LuaScriptsRuntimeHints;
import io.github.agentprotocols.lime.redis.RedisPendingLoginRequests;

/**
 * Runtime hints for LIME on Redis: the Lua scripts of the pending login requests, which
 * their class reads as resources.
 */
class LimeRedisRuntimeHints extends LuaScriptsRuntimeHints {

	LimeRedisRuntimeHints() {
		super(RedisPendingLoginRequests.class);
	}

}
