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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Fails start-up, before any bean is created, when the configuration still sets a LIME
 * property under a name it no longer has: such a property binds to nothing, and the
 * starter would silently run with its default (with {@code lime.cluster.mode=redis}, each
 * instance alone in memory). The names are those of the {@code deprecation} entries in
 * {@code META-INF/additional-spring-configuration-metadata.json}. The failure is Spring
 * Boot's {@link InvalidConfigurationPropertyValueException}, whose failure analysis shows
 * where the old name is set and the reason naming the new one.
 */
class LimeRenamedProperties implements BeanFactoryPostProcessor, EnvironmentAware {

	/** Every renamed property, old name first. */
	static final List<Rename> RENAMES = List.of(
			new Rename("lime.cluster.mode", "lime.store.type",
					"its values are now memory (was none) and redis: set lime.store.type=redis to share the store"),
			new Rename("lime.cluster.key-prefix", "lime.store.key-prefix", null),
			new Rename("lime.cluster.event-retention", "lime.store.event-retention", null));

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment != null) {
			check(this.environment);
		}
	}

	static void check(Environment environment) {
		Binder binder = Binder.get(environment);
		for (Rename rename : RENAMES) {
			String value = binder.bind(rename.oldName(), String.class).orElse(null);
			if (value != null) {
				throw new InvalidConfigurationPropertyValueException(rename.oldName(), value, rename.reason());
			}
		}
	}

	record Rename(String oldName, String newName, @Nullable String hint) {

		String reason() {
			return "The property was renamed to '" + this.newName + "' and no longer has any effect; use '"
					+ this.newName + "' instead" + ((this.hint != null) ? " (" + this.hint + ")." : ".");
		}

	}

}
