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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.util.Collections;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a renamed configuration property: set under its old name, start-up fails with
 * Spring Boot's {@link InvalidConfigurationPropertyValueException} whose failure analysis
 * names the new one, and the configuration metadata that Spring Boot's configuration
 * processor generates (merging the module's
 * {@code META-INF/additional-spring-configuration-metadata.json}) deprecates it at level
 * {@code error} with its replacement, as {@code spring-boot-properties-migrator} reads
 * it.
 */
public final class RenamedProperties {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String ANALYZER = "org.springframework.boot.diagnostics.analyzer.InvalidConfigurationPropertyValueFailureAnalyzer";

	private RenamedProperties() {
	}

	/**
	 * Asserts that a context with the old name set fails to start naming the new one, and
	 * that the metadata deprecates the old name with the new one as its replacement.
	 * @param runner a runner of the starter's auto-configuration
	 * @param oldName the old name
	 * @param value a value to set it to
	 * @param newName the new name
	 */
	public static void assertStartUpFailsNamingTheNewName(AbstractApplicationContextRunner<?, ?, ?> runner,
			String oldName, String value, String newName) {
		runner.withPropertyValues(oldName + "=" + value).run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertThat(failure).isInstanceOf(InvalidConfigurationPropertyValueException.class);
			InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) failure;
			assertThat(invalid.getName()).isEqualTo(oldName);
			assertThat(invalid.getReason()).contains("'" + newName + "'");
			FailureAnalysis analysis = analyze(invalid, new MockEnvironment().withProperty(oldName, value));
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + oldName + "'", "'" + newName + "'");
		});
		assertThat(replacement(Thread.currentThread().getContextClassLoader(), oldName)).isEqualTo(newName);
	}

	/**
	 * Spring Boot's failure analysis of an invalid property value, as a starting
	 * application reports it.
	 * @param failure the failure
	 * @param environment the application's environment
	 * @return the analysis
	 */
	public static @Nullable FailureAnalysis analyze(Throwable failure, Environment environment) {
		try {
			Constructor<?> constructor = Class.forName(ANALYZER).getDeclaredConstructor(Environment.class);
			constructor.setAccessible(true);
			return ((FailureAnalyzer) constructor.newInstance(environment)).analyze(failure);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The replacement of a property deprecated at level {@code error}.
	 * @param classLoader the class loader holding the module's metadata
	 * @param name the old name
	 * @return the new name, or {@code null} when the metadata has no such property
	 * deprecated at level {@code error} with a replacement
	 */
	public static @Nullable String replacement(ClassLoader classLoader, String name) {
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : mapper.readTree(in).path("properties")) {
						JsonNode deprecation = property.path("deprecation");
						if (name.equals(property.path("name").asString(""))
								&& "error".equals(deprecation.path("level").asString(""))
								&& deprecation.hasNonNull("replacement")) {
							return deprecation.path("replacement").asString();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return null;
	}

}
