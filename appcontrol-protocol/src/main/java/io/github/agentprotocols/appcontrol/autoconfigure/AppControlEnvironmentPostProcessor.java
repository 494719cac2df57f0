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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.AppControlConfigLoader;
import io.github.agentprotocols.appcontrol.config.EnvironmentOverrides;
import io.github.agentprotocols.commons.env.SystemEnvironmentSources;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Feeds {@code app-control.*} from the upstream sources: the {@code APP_CONTROL_*}
 * environment variables (parsed by the upstream rules, as the
 * {@value #ENVIRONMENT_SOURCE} property source immediately before the system environment)
 * and the optional TOML file named by {@code app-control.config-file} (as the
 * {@value #FILE_SOURCE} property source right after the system environment, so above the
 * application's configuration files).
 */
class AppControlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the upstream environment variables. */
	public static final String ENVIRONMENT_SOURCE = "appControlEnvironmentOverrides";

	/** Name of the property source holding the TOML file. */
	public static final String FILE_SOURCE = "appControlConfigFile";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("app-control.enabled", Boolean.class, true)) {
			return;
		}
		String file = environment.getProperty("app-control.config-file");
		if (file != null && !file.isBlank()) {
			ResourceLoader loader = (application.getResourceLoader() != null) ? application.getResourceLoader()
					: new DefaultResourceLoader();
			Map<String, Object> document = readToml(loader.getResource(file.strip()), file);
			AppControlConfig.fromMap(document);
			SystemEnvironmentSources.addAfter(environment, new MapPropertySource(FILE_SOURCE, properties(document)));
		}
		Map<String, Object> overrides = new LinkedHashMap<>();
		for (EnvironmentOverrides.Override override : EnvironmentOverrides.parse(environmentVariables(environment))) {
			overrides.keySet().removeIf((key) -> key.startsWith(name(override.section(), override.key())));
			put(overrides, name(override.section(), override.key()), override.value());
		}
		if (!overrides.isEmpty()) {
			SystemEnvironmentSources.addBefore(environment, new MapPropertySource(ENVIRONMENT_SOURCE, overrides));
		}
	}

	private static Map<String, String> environmentVariables(ConfigurableEnvironment environment) {
		Map<String, String> variables = new LinkedHashMap<>();
		SystemEnvironmentSources.variables(environment).forEach((key, value) -> {
			if (key instanceof String name && name.startsWith("APP_CONTROL_") && value != null) {
				variables.put(name, value.toString());
			}
		});
		return variables;
	}

	private static Map<String, Object> readToml(Resource resource, String location) {
		try {
			return AppControlConfigLoader.parseToml(resource.getContentAsString(StandardCharsets.UTF_8), location);
		}
		catch (IOException ex) {
			throw new AppControlException("cannot read app-control.config-file " + location, ex);
		}
	}

	private static Map<String, Object> properties(Map<String, Object> document) {
		Map<String, Object> properties = new LinkedHashMap<>();
		document.forEach((section, keys) -> {
			if (keys instanceof Map<?, ?> map) {
				map.forEach((key, value) -> put(properties, name(section, key.toString()), value));
			}
		});
		return properties;
	}

	private static void put(Map<String, Object> properties, String name, Object value) {
		if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				properties.put(name, "");
			}
			for (int i = 0; i < list.size(); i++) {
				properties.put(name + "[" + i + "]", list.get(i));
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> properties.put(name + "[" + key + "]", item));
		}
		else {
			properties.put(name, value);
		}
	}

	private static String name(String section, String key) {
		return "app-control." + section.replace('_', '-') + "." + key.replace('_', '-');
	}

}
