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

package io.github.agentprotocols.appcontrol.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.agentprotocols.appcontrol.PythonWhitespace;
import org.jspecify.annotations.Nullable;

/**
 * Checks and conversions of configuration values: the record invariants, the TOML value
 * rules and the environment string rules. Strings are trimmed as Python's
 * {@code str.strip()} trims them ({@link PythonWhitespace}).
 */
final class ConfigValues {

	private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

	private static final Set<String> FALSE = Set.of("0", "false", "no", "off");

	private ConfigValues() {
	}

	// Invariants

	static String text(@Nullable String value, String key) {
		String stripped = (value != null) ? PythonWhitespace.strip(value) : "";
		if (stripped.isEmpty()) {
			throw new AppControlConfigException(key, key + " must be a non-empty string");
		}
		return stripped;
	}

	static @Nullable String optionalText(@Nullable String value, String key) {
		return (value != null) ? text(value, key) : null;
	}

	static int positive(int value, String key) {
		if (value <= 0) {
			throw new AppControlConfigException(key, key + " must be positive");
		}
		return value;
	}

	static List<String> texts(@Nullable List<String> values, String key) {
		List<String> copy = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				copy.add(text(value, key + " items"));
			}
		}
		return Collections.unmodifiableList(copy);
	}

	static Map<String, String> textMap(@Nullable Map<String, String> values, String key) {
		Map<String, String> copy = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((name, value) -> copy.put(text(name, key + " keys"), text(value, key + " values")));
		}
		return Collections.unmodifiableMap(copy);
	}

	// TOML (or already typed) values

	static @Nullable String tomlString(@Nullable Object value, String key) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new AppControlConfigException(key, key + " must be a non-empty string");
	}

	static @Nullable Boolean tomlBoolean(@Nullable Object value, String key) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		if (value instanceof String text) {
			return parseBoolean(text, key);
		}
		throw new AppControlConfigException(key, "expected boolean value, got '" + value + "'");
	}

	static @Nullable Integer tomlInteger(@Nullable Object value, String key) {
		if (value == null) {
			return null;
		}
		if ((value instanceof Long || value instanceof Integer)
				&& ((Number) value).longValue() == ((Number) value).intValue()) {
			return ((Number) value).intValue();
		}
		throw new AppControlConfigException(key, key + " must be an integer");
	}

	static @Nullable List<String> tomlList(@Nullable Object value, String key) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return parseList(text);
		}
		if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			for (Object item : list) {
				items.add(tomlString(item, key + " items"));
			}
			return items;
		}
		throw new AppControlConfigException(key, key + " must be a list of strings");
	}

	static @Nullable Map<String, String> tomlMap(@Nullable Object value, String key) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new AppControlConfigException(key, key + " must be a mapping");
		}
		Map<String, String> entries = new LinkedHashMap<>();
		map.forEach((name, item) -> entries.put(String.valueOf(name), tomlString(item, key + " values")));
		return entries;
	}

	// Environment strings

	static boolean parseBoolean(String value, String key) {
		String normalized = PythonWhitespace.strip(value).toLowerCase(Locale.ROOT);
		if (TRUE.contains(normalized)) {
			return true;
		}
		if (FALSE.contains(normalized)) {
			return false;
		}
		throw new AppControlConfigException(key, "expected boolean value, got '" + value + "'");
	}

	static int parseInteger(String value, String key) {
		String trimmed = PythonWhitespace.strip(value);
		if (!trimmed.matches("[+-]?[0-9]+")) {
			throw new AppControlConfigException(key, key + " must be an integer");
		}
		try {
			return Integer.parseInt(trimmed);
		}
		catch (NumberFormatException ex) {
			throw new AppControlConfigException(key, key + " must be an integer");
		}
	}

	static List<String> parseList(String value) {
		List<String> items = new ArrayList<>();
		for (String item : value.split(",", -1)) {
			if (!PythonWhitespace.strip(item).isEmpty()) {
				items.add(PythonWhitespace.strip(item));
			}
		}
		return items;
	}

	static Map<String, String> parseMap(String value, String key) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String entry : parseList(value)) {
			int equals = entry.indexOf('=');
			if (equals < 0) {
				throw new AppControlConfigException(key, key + " entries must use APP=bundle.id");
			}
			String name = PythonWhitespace.strip(entry.substring(0, equals));
			String bundle = PythonWhitespace.strip(entry.substring(equals + 1));
			if (name.isEmpty() || bundle.isEmpty()) {
				throw new AppControlConfigException(key, key + " entries must use APP=bundle.id");
			}
			entries.put(name, bundle);
		}
		return entries;
	}

}
