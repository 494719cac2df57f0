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

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlException;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Loads {@link AppControlConfig} without Spring: an optional TOML file, then the
 * {@code APP_CONTROL_*} environment variables on top, then validation of the whole.
 */
public final class AppControlConfigLoader {

	private AppControlConfigLoader() {
	}

	/**
	 * Loads the configuration.
	 * @param toml the TOML file, or null for the defaults
	 * @param env the environment, such as {@link System#getenv()}
	 * @return the configuration
	 * @throws AppControlConfigException if the file or a variable holds an invalid value
	 */
	public static AppControlConfig load(@Nullable Path toml, Map<String, String> env) {
		Map<String, Object> document = (toml != null) ? readToml(toml) : Map.of();
		return AppControlConfig.fromMap(EnvironmentOverrides.apply(document, env));
	}

	/**
	 * Reads a TOML file into nested maps, lists and scalars.
	 * @param toml the file
	 * @return the document
	 * @throws AppControlConfigException if the file is not UTF-8 text or not valid TOML
	 */
	public static Map<String, Object> readToml(Path toml) {
		TomlParseResult result;
		try {
			result = Toml.parse(toml);
		}
		catch (CharacterCodingException ex) {
			throw new AppControlConfigException(toml.toString(), "app-control config " + toml + " is not UTF-8 text");
		}
		catch (IOException ex) {
			throw new AppControlException("cannot read app-control config " + toml, ex);
		}
		catch (TomlParseError ex) {
			throw invalid(toml.toString(), ex.getMessage());
		}
		catch (AssertionError ex) {
			throw failedCheck(toml.toString(), ex);
		}
		return parse(result, toml.toString());
	}

	/**
	 * Parses TOML text into nested maps, lists and scalars.
	 * @param text the TOML text
	 * @param source where the text came from, for error messages
	 * @return the document
	 * @throws AppControlConfigException if the text is not valid TOML
	 */
	public static Map<String, Object> parseToml(String text, String source) {
		TomlParseResult result;
		try {
			result = Toml.parse(text);
		}
		catch (TomlParseError ex) {
			throw invalid(source, ex.getMessage());
		}
		catch (AssertionError ex) {
			throw failedCheck(source, ex);
		}
		return parse(result, source);
	}

	private static Map<String, Object> parse(TomlParseResult result, String source) {
		if (result.hasErrors()) {
			throw invalid(source, result.errors().get(0).toString());
		}
		return table(result);
	}

	/**
	 * Invalid TOML, whether tomlj reports it in its result or throws it (an escape it
	 * does not know in a table's quoted key).
	 */
	private static AppControlConfigException invalid(String source, String error) {
		return new AppControlConfigException(source, "invalid TOML in " + source + ": " + error);
	}

	/**
	 * Invalid TOML that fails one of tomlj's own {@code assert}s when assertions are on
	 * (a unicode escape cut short): without them tomlj reports it as an error.
	 */
	private static AppControlConfigException failedCheck(String source, AssertionError ex) {
		StackTraceElement[] trace = ex.getStackTrace();
		String where = (trace.length > 0) ? " at " + trace[0].getClassName() + "." + trace[0].getMethodName() : "";
		return invalid(source, "the TOML parser's own check failed" + where);
	}

	private static Map<String, Object> table(TomlTable table) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String key : table.keySet()) {
			map.put(key, value(table.get(List.of(key))));
		}
		return map;
	}

	private static @Nullable Object value(@Nullable Object value) {
		if (value instanceof TomlTable table) {
			return table(table);
		}
		if (value instanceof TomlArray array) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < array.size(); i++) {
				list.add(value(array.get(i)));
			}
			return list;
		}
		return value;
	}

}
