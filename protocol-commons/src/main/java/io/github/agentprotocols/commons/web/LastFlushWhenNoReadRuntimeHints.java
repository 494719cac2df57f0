package io.github.agentprotocols.commons.web;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * {@link RuntimeHintsRegistrar} for {@link LastFlushWhenNoReadEnvironmentPostProcessor}:
 * the Reactor Netty server type it looks up by name.
 */
class LastFlushWhenNoReadRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerType(TypeReference.of(LastFlushWhenNoReadEnvironmentPostProcessor.REACTOR_NETTY_HTTP_SERVER));
	}

}
