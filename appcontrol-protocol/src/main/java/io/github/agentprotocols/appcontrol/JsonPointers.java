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

package io.github.agentprotocols.appcontrol;

import java.util.ArrayDeque;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between RFC 6901 JSON pointers and the upstream {@code $.a[0].b} path
 * notation.
 */
@Internal
public final class JsonPointers {

	private JsonPointers() {
	}

	/**
	 * Appends a property name or array index to a pointer.
	 * @param pointer the parent pointer
	 * @param token the property name or index
	 * @return the child pointer
	 */
	public static String child(String pointer, Object token) {
		return pointer + "/" + token.toString().replace("~", "~0").replace("/", "~1");
	}

	/**
	 * Renders a pointer in the upstream path notation: {@code $} for the root,
	 * {@code .key} for properties and {@code [i]} for array indices. Each key is written
	 * as {@link QuotedText#of(String)} quotes it, so that a message can quote the path
	 * whatever the keys hold.
	 * @param pointer the pointer
	 * @return the path
	 */
	public static String toPath(String pointer) {
		StringBuilder path = new StringBuilder("$");
		if (pointer.isEmpty()) {
			return path.toString();
		}
		for (String token : pointer.substring(1).split("/", -1)) {
			String name = token.replace("~1", "/").replace("~0", "~");
			if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append('.').append(QuotedText.of(name));
			}
		}
		return path.toString();
	}

	/**
	 * A location reached while walking a JSON value: a pointer, or a property name or
	 * array index under a parent location. The pointer text is made only when asked for,
	 * so walks pay for it only when they report an error.
	 *
	 * @param parent the parent location, or null for a starting pointer
	 * @param token the property name or index, or the starting pointer
	 */
	public record Location(@Nullable Location parent, Object token) {

		/**
		 * A starting location.
		 * @param pointer the pointer
		 * @return the location
		 */
		public static Location of(String pointer) {
			return new Location(null, pointer);
		}

		/**
		 * The location of a property or array element under this one.
		 * @param token the property name or index
		 * @return the child location
		 */
		public Location child(Object token) {
			return new Location(this, token);
		}

		/**
		 * The RFC 6901 pointer of this location.
		 * @return the pointer
		 */
		public String pointer() {
			// iterative: a location may be as deep as the nesting limit, on a deep stack
			ArrayDeque<Object> tokens = new ArrayDeque<>();
			Location root = this;
			while (root.parent != null) {
				tokens.push(root.token);
				root = root.parent;
			}
			String pointer = root.token.toString();
			for (Object token : tokens) {
				pointer = JsonPointers.child(pointer, token);
			}
			return pointer;
		}

	}

}
