package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.commons.redis.LuaScriptsRuntimeHints;
import io.github.agentprotocols.hpp.redis.RedisSessionStore;

/**
 * Runtime hints for HPP's Redis mode: the Lua scripts of the store, the paced delivery
 * and the broadcast, which their classes read as resources.
 */
class HppRedisRuntimeHints extends LuaScriptsRuntimeHints {

	HppRedisRuntimeHints() {
		super(RedisSessionStore.class);
	}

}
