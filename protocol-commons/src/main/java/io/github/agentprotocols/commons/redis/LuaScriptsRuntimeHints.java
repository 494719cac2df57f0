package io.github.agentprotocols.commons.redis;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for the {@code .lua} resources that {@link LuaScripts}
 * reads beside a store's classes: a starter's Redis support extends it, naming one class
 * of the package that holds its scripts.
 */
public abstract class LuaScriptsRuntimeHints implements RuntimeHintsRegistrar {

	private final String pattern;

	/**
	 * Creates the hints for the scripts in the package of a class.
	 * @param base a class of the package that holds the scripts
	 */
	protected LuaScriptsRuntimeHints(Class<?> base) {
		this.pattern = base.getPackageName().replace('.', '/') + "/*.lua";
	}

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(this.pattern);
	}

}
