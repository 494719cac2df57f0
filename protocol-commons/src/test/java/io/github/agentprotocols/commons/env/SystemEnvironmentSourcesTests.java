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

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SystemEnvironmentSourcesTests {

	@Test
	void sourcesGoJustBeforeAndJustAfterTheSystemEnvironment() {
		StandardEnvironment environment = new StandardEnvironment();
		SystemEnvironmentSources.addBefore(environment, new MapPropertySource("before", Map.of()));
		SystemEnvironmentSources.addAfter(environment, new MapPropertySource("after", Map.of()));
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName)).containsExactly(
				StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, "before",
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, "after");
	}

	@Test
	void withoutASystemEnvironmentSourcesGoLast() {
		MockEnvironment environment = new MockEnvironment();
		SystemEnvironmentSources.addBefore(environment, new MapPropertySource("mine", Map.of()));
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName)).endsWith("mine");
	}

	@Test
	void variablesComeFromTheEnvironmentsOwnSystemEnvironmentSource() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new MapPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("LIME_SITE_TOKEN", "st_1")));
		assertThat(SystemEnvironmentSources.variables(environment)).isEqualTo(Map.of("LIME_SITE_TOKEN", "st_1"));
	}

}
