/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
