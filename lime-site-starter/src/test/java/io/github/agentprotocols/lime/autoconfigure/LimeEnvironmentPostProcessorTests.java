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

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link LimeEnvironmentPostProcessor} maps {@code LIME_SITE_TOKEN} and
 * {@code LIME_API_BASE}.
 */
class LimeEnvironmentPostProcessorTests {

	@Test
	void apiBaseVariableFillsTheUnsetProperty() {
		StandardEnvironment environment = environment(Map.of("LIME_API_BASE", " http://lime.test/api/v1 "));
		postProcess(environment);
		assertThat(environment.getProperty("lime.site.api-base")).isEqualTo("http://lime.test/api/v1");
	}

	@Test
	void siteTokenVariableFillsAPropertyLeftBlank() {
		StandardEnvironment environment = environment(Map.of("LIME_SITE_TOKEN", "st_env"));
		environment.getPropertySources().addFirst(new MapPropertySource("commandLine", Map.of("lime.site.token", " ")));
		postProcess(environment);
		assertThat(environment.getPropertySources().get(LimeEnvironmentPostProcessor.PROPERTY_SOURCE).getSource())
			.isEqualTo(Map.of("lime.site.token", "st_env"));
	}

	@Test
	void blankVariablesCountAsAbsent() {
		StandardEnvironment environment = environment(Map.of("LIME_API_BASE", "  ", "LIME_SITE_TOKEN", ""));
		postProcess(environment);
		assertThat(environment.getPropertySources().contains(LimeEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
		assertThat(environment.getProperty("lime.site.api-base")).isNull();
	}

	@Test
	void configuredApiBaseWinsOverTheVariable() {
		StandardEnvironment environment = environment(Map.of("LIME_API_BASE", "http://other.test/api/v1"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("application", Map.of("lime.site.api-base", "http://lime.test/api/v1")));
		postProcess(environment);
		assertThat(environment.getProperty("lime.site.api-base")).isEqualTo("http://lime.test/api/v1");
	}

	@Test
	void disabledStarterReadsNoVariables() {
		StandardEnvironment environment = environment(Map.of("LIME_API_BASE", "http://lime.test/api/v1"));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLine", Map.of("lime.enabled", "false")));
		postProcess(environment);
		assertThat(environment.getProperty("lime.site.api-base")).isNull();
	}

	private static StandardEnvironment environment(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	private static void postProcess(StandardEnvironment environment) {
		new LimeEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
	}

}
