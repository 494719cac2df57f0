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
import java.util.Map;

import io.github.agentprotocols.commons.Internal;

/**
 * The upstream {@code APP_CONTROL_*} environment variables and their parsing rules. A
 * variable applies whenever it is present, even if empty; variables are applied in table
 * order, so {@code APP_CONTROL_COMPUTER_USE_ALLOWED_APPS} beats the legacy
 * {@code APP_CONTROL_ALLOWED_APPS}.
 */
@Internal
public final class EnvironmentOverrides {

	private static final List<Variable> VARIABLES = List.of(
			new Variable("APP_CONTROL_LOG_LEVEL", "logging", "level", Kind.STRING),
			new Variable("APP_CONTROL_LOG_REDACT_TEXT", "logging", "redact_text", Kind.BOOLEAN),
			new Variable("APP_CONTROL_LOG_JSON", "logging", "json", Kind.BOOLEAN),
			new Variable("APP_CONTROL_LOG_EVENT_SINK", "logging", "event_sink", Kind.STRING),
			new Variable("APP_CONTROL_COMPUTER_USE_BACKEND", "computer_use", "backend", Kind.STRING),
			new Variable("APP_CONTROL_ALLOWED_APPS", "computer_use", "allowed_apps", Kind.LIST),
			new Variable("APP_CONTROL_COMPUTER_USE_ALLOWED_APPS", "computer_use", "allowed_apps", Kind.LIST),
			new Variable("APP_CONTROL_COMPUTER_USE_ALLOWED_APP_BUNDLE_IDS", "computer_use", "allowed_app_bundle_ids",
					Kind.MAP),
			new Variable("APP_CONTROL_COMPUTER_USE_ALLOW_COORDINATE_CLICK", "computer_use", "allow_coordinate_click",
					Kind.BOOLEAN),
			new Variable("APP_CONTROL_COMPUTER_USE_SCREEN_RECORDING_REQUIRED", "computer_use",
					"screen_recording_required", Kind.BOOLEAN),
			new Variable("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "computer_use", "timeout_ms", Kind.INTEGER),
			new Variable("APP_CONTROL_HELPER_TRANSPORT", "helper", "transport", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_MANIFEST", "helper", "manifest_path", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_APP_PATH", "helper", "helper_app_path", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_BUNDLE_ID", "helper", "bundle_id", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_ENDPOINT", "helper", "endpoint", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_TOKEN", "helper", "token", Kind.STRING),
			new Variable("APP_CONTROL_HELPER_ALLOWED_APPS", "helper", "allowed_apps", Kind.LIST),
			new Variable("APP_CONTROL_HELPER_AUTO_LAUNCH", "helper", "auto_launch", Kind.BOOLEAN),
			new Variable("APP_CONTROL_HELPER_LAUNCH_TIMEOUT_MS", "helper", "launch_timeout_ms", Kind.INTEGER),
			new Variable("APP_CONTROL_WECHAT_APP_NAME", "wechat", "app_name", Kind.STRING),
			new Variable("APP_CONTROL_WECHAT_BUNDLE_ID", "wechat", "bundle_id", Kind.STRING),
			new Variable("APP_CONTROL_WECHAT_APP_CONTROL_TOOL", "wechat", "app_control_tool", Kind.STRING),
			new Variable("APP_CONTROL_WECHAT_SEARCH_HOTKEY", "wechat", "search_hotkey", Kind.LIST),
			new Variable("APP_CONTROL_WECHAT_SEARCH_CLEAR_HOTKEY", "wechat", "search_clear_hotkey", Kind.LIST),
			new Variable("APP_CONTROL_WECHAT_CLEAR_KEY", "wechat", "clear_key", Kind.STRING),
			new Variable("APP_CONTROL_WECHAT_SUBMIT_KEY", "wechat", "submit_key", Kind.STRING),
			new Variable("APP_CONTROL_WECHAT_MAX_MESSAGE_CHARS", "wechat", "max_message_chars", Kind.INTEGER),
			new Variable("APP_CONTROL_WECHAT_DEFAULT_TIMEOUT_MS", "wechat", "default_timeout_ms", Kind.INTEGER));

	private EnvironmentOverrides() {
	}

	/**
	 * The names of every supported variable, in the order they are applied.
	 * @return the variable names
	 */
	public static List<String> variableNames() {
		return VARIABLES.stream().map(Variable::name).toList();
	}

	/**
	 * Parses the variables present in {@code env}.
	 * @param env the environment
	 * @return the parsed overrides, in the order they apply; a later override of the same
	 * key wins
	 * @throws AppControlConfigException if a value cannot be parsed
	 */
	public static List<Override> parse(Map<String, String> env) {
		List<Override> overrides = new ArrayList<>();
		for (Variable variable : VARIABLES) {
			String value = env.get(variable.name());
			if (value != null) {
				overrides.add(new Override(variable.name(), variable.section(), variable.key(),
						variable.kind().parse(value, variable.name())));
			}
		}
		return Collections.unmodifiableList(overrides);
	}

	/**
	 * Applies the variables present in {@code env} on top of a nested snake_case
	 * document.
	 * @param document the sections by name (not modified)
	 * @param env the environment
	 * @return a new document with the overrides applied
	 */
	static Map<String, Object> apply(Map<String, ?> document, Map<String, String> env) {
		Map<String, Object> result = new LinkedHashMap<>(document);
		for (Override override : parse(env)) {
			Object section = result.get(override.section());
			@SuppressWarnings("unchecked")
			Map<String, Object> copy = (section instanceof Map<?, ?> map)
					? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
			copy.put(override.key(), override.value());
			result.put(override.section(), copy);
		}
		return result;
	}

	/**
	 * One parsed variable.
	 *
	 * @param variable the variable's name
	 * @param section the TOML section it sets
	 * @param key the TOML key it sets
	 * @param value the parsed value: a String, Boolean, Integer, List of String or Map of
	 * String to String
	 */
	public record Override(String variable, String section, String key, Object value) {

	}

	private record Variable(String name, String section, String key, Kind kind) {

	}

	private enum Kind {

		STRING, BOOLEAN, INTEGER, LIST, MAP;

		Object parse(String value, String name) {
			return switch (this) {
				case STRING -> value;
				case BOOLEAN -> ConfigValues.parseBoolean(value, name);
				case INTEGER -> ConfigValues.parseInteger(value, name);
				case LIST -> ConfigValues.parseList(value);
				case MAP -> ConfigValues.parseMap(value, name);
			};
		}

	}

}
