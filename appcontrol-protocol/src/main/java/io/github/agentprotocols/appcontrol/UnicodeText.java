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

import java.util.Locale;

import io.github.agentprotocols.commons.Internal;
import org.jspecify.annotations.Nullable;

/**
 * The check that keeps lone UTF-16 surrogates out of the protocol. A JSON text may escape
 * one ({@code "\ud800"}) and a Java {@code String} may hold one, but it is not a Unicode
 * character: UTF-8 cannot carry it (Java's encoder writes {@code ?} instead, and Python's
 * refuses to encode it), so a string or key holding one is refused wherever it enters,
 * with a {@link ProtocolValidationException} of keyword
 * {@value ProtocolValidationException#UNICODE}.
 */
@Internal
public final class UnicodeText {

	private UnicodeText() {
	}

	/**
	 * The index of the first lone surrogate in a text.
	 * @param text the text
	 * @return the index, or -1 if every surrogate is part of a pair
	 */
	static int loneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * Refuses a string value that holds a lone surrogate.
	 * @param schemaName the schema being validated, or null
	 * @param pointer where the value sits
	 * @param value the value
	 * @throws ProtocolValidationException if it holds one
	 */
	public static void checkValue(@Nullable String schemaName, String pointer, String value) {
		int index = loneSurrogate(value);
		if (index >= 0) {
			throw refusal(schemaName, pointer, JsonPointers.toPath(pointer) + " holds", value, index);
		}
	}

	/**
	 * Refuses a key that holds a lone surrogate, reported at the object that has it.
	 * @param schemaName the schema being validated, or null
	 * @param pointer where the object sits
	 * @param key the key
	 * @throws ProtocolValidationException if it holds one
	 */
	public static void checkKey(@Nullable String schemaName, String pointer, String key) {
		int index = loneSurrogate(key);
		if (index >= 0) {
			throw refusal(schemaName, pointer, JsonPointers.toPath(pointer) + " has a key with", key, index);
		}
	}

	/**
	 * Refuses a string value that holds a lone surrogate; the pointer is made only for
	 * the refusal.
	 * @param schemaName the schema being validated, or null
	 * @param container the object or array that holds the value
	 * @param token the value's property name or index in it
	 * @param value the value
	 * @throws ProtocolValidationException if it holds one
	 */
	public static void checkValue(@Nullable String schemaName, JsonPointers.Location container, Object token,
			String value) {
		if (loneSurrogate(value) >= 0) {
			checkValue(schemaName, container.child(token).pointer(), value);
		}
	}

	/**
	 * Refuses a key that holds a lone surrogate, reported at the object that has it; the
	 * pointer is made only for the refusal.
	 * @param schemaName the schema being validated, or null
	 * @param at where the object sits
	 * @param key the key
	 * @throws ProtocolValidationException if it holds one
	 */
	public static void checkKey(@Nullable String schemaName, JsonPointers.Location at, String key) {
		if (loneSurrogate(key) >= 0) {
			checkKey(schemaName, at.pointer(), key);
		}
	}

	private static ProtocolValidationException refusal(@Nullable String schemaName, String pointer, String subject,
			String text, int index) {
		String codeUnit = String.format(Locale.ROOT, "U+%04X", (int) text.charAt(index));
		return new ProtocolValidationException(schemaName, pointer, ProtocolValidationException.UNICODE, subject
				+ " a lone surrogate (" + codeUnit + " at index " + index + "), which is not a Unicode character");
	}

}
