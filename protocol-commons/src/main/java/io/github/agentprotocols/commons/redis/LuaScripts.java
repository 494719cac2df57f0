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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the {@link RedisScript Redis scripts} of a store from {@code .lua} resources
 * beside its classes. A script made of several resources (functions it shares with other
 * scripts, then its own body) is their text joined in order, so that each function is
 * written once.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * Loads a script from resources in the package of a class.
	 * @param <T> the result type
	 * @param resultType the script's result type, as
	 * {@link RedisScript#of(String, Class)} takes it
	 * @param base the class whose package holds the resources
	 * @param names the resources' names, such as {@code "reserve.lua"}, in the order
	 * their text is joined
	 * @return the script
	 * @throws UncheckedIOException if a resource cannot be read
	 */
	public static <T> RedisScript<T> load(Class<T> resultType, Class<?> base, String... names) {
		return RedisScript.of(text(base, names), resultType);
	}

	/**
	 * The joined text of resources in the package of a class.
	 * @param base the class whose package holds the resources
	 * @param names the resources' names, in order
	 * @return their text, each ending with a line break
	 * @throws UncheckedIOException if a resource cannot be read
	 */
	public static String text(Class<?> base, String... names) {
		StringBuilder text = new StringBuilder();
		for (String name : names) {
			ClassPathResource resource = new ClassPathResource(name, base);
			try {
				String part = resource.getContentAsString(StandardCharsets.UTF_8);
				text.append(part);
				if (!part.endsWith("\n")) {
					text.append('\n');
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Lua script " + resource.getPath(), ex);
			}
		}
		return text.toString();
	}

}
