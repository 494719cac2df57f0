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

package io.github.agentprotocols.appcontrol.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Replaces text-bearing values in event payloads by {@code [redacted]}. A key is
 * sensitive when, lower-cased and without {@code _} and {@code -}, it contains text,
 * message, password, secret, token or credential; so {@code messageText} and
 * {@code contextId} are redacted while {@code summary} is not. Objects are searched at
 * any depth, including inside arrays.
 */
final class TextRedaction {

	/** What a sensitive value is replaced by. */
	public static final String REDACTED = "[redacted]";

	private static final List<String> SENSITIVE = List.of("text", "message", "password", "secret", "token",
			"credential");

	private TextRedaction() {
	}

	/**
	 * Whether a key's value is redacted.
	 * @param key the key
	 * @return true if the key is sensitive
	 */
	public static boolean isSensitive(String key) {
		String normalized = key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
		return SENSITIVE.stream().anyMatch(normalized::contains);
	}

	/**
	 * A redacted copy of a JSON object, with keys sorted at every depth.
	 * @param payload the object
	 * @return the copy
	 */
	public static Map<String, Object> redact(Map<String, ?> payload) {
		return sorted(payload, true);
	}

	/**
	 * A copy of a JSON object with keys sorted at every depth, optionally redacted.
	 * @param payload the object
	 * @param redact whether to redact sensitive values
	 * @return the copy
	 */
	static Map<String, Object> sorted(Map<String, ?> payload, boolean redact) {
		Map<String, Object> copy = new TreeMap<>();
		payload.forEach((key, value) -> copy.put(key, (redact && isSensitive(key)) ? REDACTED : copy(value, redact)));
		return copy;
	}

	private static @Nullable Object copy(@Nullable Object value, boolean redact) {
		if (value instanceof Map<?, ?> map) {
			@SuppressWarnings("unchecked")
			Map<String, ?> object = (Map<String, ?>) map;
			return sorted(object, redact);
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach((item) -> items.add(copy(item, redact)));
			return items;
		}
		return value;
	}

}
