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

package io.github.agentprotocols.commons.diagnostics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Fails start-up, before any bean is created, when the configuration still sets a
 * property under a name a starter no longer has: such a property binds to nothing, and
 * the starter would silently run with its default. The failure is Spring Boot's
 * {@link InvalidConfigurationPropertyValueException}, whose failure analysis shows where
 * the old name is set and the reason naming the new one. A starter registers a subclass
 * listing its renames from a {@code static @Bean} method; the same renames are
 * {@code deprecation} entries of its configuration metadata.
 */
public class RenamedPropertiesCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	private final List<RenamedProperty> renames;

	private @Nullable Environment environment;

	/**
	 * Creates a check of renamed properties.
	 * @param renames the starter's renamed properties
	 */
	protected RenamedPropertiesCheck(List<RenamedProperty> renames) {
		this.renames = List.copyOf(renames);
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment != null) {
			check(this.environment, this.renames);
		}
	}

	/**
	 * Fails when an environment sets any of the old names.
	 * @param environment the environment
	 * @param renames the renamed properties
	 * @throws InvalidConfigurationPropertyValueException naming the first old name set
	 */
	public static void check(Environment environment, List<RenamedProperty> renames) {
		Binder binder = Binder.get(environment);
		for (RenamedProperty rename : renames) {
			String value = binder.bind(rename.oldName(), String.class).orElse(null);
			if (value != null) {
				throw new InvalidConfigurationPropertyValueException(rename.oldName(), value, rename.reason());
			}
		}
	}

}
