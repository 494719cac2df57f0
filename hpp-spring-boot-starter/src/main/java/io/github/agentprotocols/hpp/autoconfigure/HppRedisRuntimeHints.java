package io.github.agentprotocols.hpp.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for HPP's Redis mode: the Lua scripts of the store, the
 * paced delivery and the broadcast, which their classes read as resources.
 */
class HppRedisRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("io/github/agentprotocols/hpp/redis/*.lua");
	}

}
