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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The whole app-control configuration: the {@code logging}, {@code computer_use},
 * {@code helper} and {@code wechat} sections. Load it with {@link AppControlConfigLoader}
 * or, in Spring Boot, inject the bean bound from {@code app-control.*}.
 *
 * @param logging the logging section
 * @param computerUse the computer_use section
 * @param helper the helper section
 * @param wechat the wechat section
 */
public record AppControlConfig(LoggingConfig logging, ComputerUseConfig computerUse, HelperConfig helper,
		WeChatConfig wechat) {

	/**
	 * The built-in defaults of every section.
	 * @return the default configuration
	 */
	public static AppControlConfig defaults() {
		return new AppControlConfig(LoggingConfig.DEFAULTS, ComputerUseConfig.DEFAULTS, HelperConfig.DEFAULTS,
				WeChatConfig.DEFAULTS);
	}

	/**
	 * Builds a configuration from the nested snake_case map a TOML file holds. Every
	 * section and key is optional; unknown ones are ignored.
	 * @param document the sections by name
	 * @return the configuration
	 * @throws AppControlConfigException if a value is invalid
	 */
	public static AppControlConfig fromMap(Map<String, ?> document) {
		return new AppControlConfig(LoggingConfig.fromMap(section(document, "logging")),
				ComputerUseConfig.fromMap(section(document, "computer_use")),
				HelperConfig.fromMap(section(document, "helper")), WeChatConfig.fromMap(section(document, "wechat")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> section(Map<String, ?> document, String name) {
		Object section = document.get(name);
		if (section == null) {
			return Map.of();
		}
		if (!(section instanceof Map<?, ?>)) {
			throw new AppControlConfigException(name, name + " must be a mapping");
		}
		return (Map<String, ?>) section;
	}

	/**
	 * The configuration as a nested snake_case map, the shape of the TOML file.
	 * @return the sections by name
	 */
	public Map<String, Map<String, @Nullable Object>> toMap() {
		Map<String, Map<String, @Nullable Object>> map = new LinkedHashMap<>();
		map.put("logging", Collections.unmodifiableMap(this.logging.toMap()));
		map.put("computer_use", Collections.unmodifiableMap(this.computerUse.toMap()));
		map.put("helper", Collections.unmodifiableMap(this.helper.toMap()));
		map.put("wechat", Collections.unmodifiableMap(this.wechat.toMap()));
		return Collections.unmodifiableMap(map);
	}

}
