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

package io.github.agentprotocols.commons.env;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Places a starter's property sources next to the system environment, for the environment
 * post-processors that read a protocol's own environment variables or configuration file:
 * just before it, so that they rank as environment variables do, or just after it, above
 * the application's configuration files.
 */
public final class SystemEnvironmentSources {

	private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	private SystemEnvironmentSources() {
	}

	/**
	 * Adds a source just before the system environment, or last when there is none.
	 * @param environment the environment
	 * @param source the source to add
	 */
	public static void addBefore(ConfigurableEnvironment environment, PropertySource<?> source) {
		add(environment.getPropertySources(), source, true);
	}

	/**
	 * Adds a source just after the system environment, or last when there is none.
	 * @param environment the environment
	 * @param source the source to add
	 */
	public static void addAfter(ConfigurableEnvironment environment, PropertySource<?> source) {
		add(environment.getPropertySources(), source, false);
	}

	/**
	 * The environment variables as the environment holds them: its system environment
	 * source when present (tests replace it), else the process's.
	 * @param environment the environment
	 * @return the variables by name
	 */
	public static Map<?, ?> variables(ConfigurableEnvironment environment) {
		PropertySource<?> source = environment.getPropertySources().get(SYSTEM_ENVIRONMENT);
		Object raw = (source != null) ? source.getSource() : null;
		return (raw instanceof Map<?, ?> map) ? map : environment.getSystemEnvironment();
	}

	private static void add(MutablePropertySources sources, PropertySource<?> source, boolean before) {
		if (!sources.contains(SYSTEM_ENVIRONMENT)) {
			sources.addLast(source);
		}
		else if (before) {
			sources.addBefore(SYSTEM_ENVIRONMENT, source);
		}
		else {
			sources.addAfter(SYSTEM_ENVIRONMENT, source);
		}
	}

}
