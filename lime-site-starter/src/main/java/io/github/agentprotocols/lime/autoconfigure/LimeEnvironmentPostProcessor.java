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

package io.github.agentprotocols.lime.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.commons.env.SystemEnvironmentSources;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the environment variables of the LIME site SDK, {@code LIME_SITE_TOKEN} and
 * {@code LIME_API_BASE}, into {@code lime.site.token} and {@code lime.site.api-base} when
 * those have no value of their own (a blank value counts as none). They are added as the
 * {@value #PROPERTY_SOURCE} property source, just before the system environment.
 * ({@code LIME_SITE_TOKEN} is also the name Spring's relaxed binding gives
 * {@code lime.site.token}, so a non-blank one wins over the application's configuration
 * files, as environment variables do.)
 */
@Internal
public class LimeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the LIME environment variables. */
	public static final String PROPERTY_SOURCE = "limeEnvironmentVariables";

	private static final Map<String, String> VARIABLES = Map.of("LIME_SITE_TOKEN", "lime.site.token", "LIME_API_BASE",
			"lime.site.api-base");

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("lime.enabled", Boolean.class, true)) {
			return;
		}
		Map<?, ?> variables = SystemEnvironmentSources.variables(environment);
		Map<String, Object> properties = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			Object value = variables.get(variable);
			if (value instanceof String text && !text.isBlank() && isBlank(environment.getProperty(property))) {
				properties.put(property, text.trim());
			}
		});
		if (properties.isEmpty()) {
			return;
		}
		SystemEnvironmentSources.addBefore(environment, new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
